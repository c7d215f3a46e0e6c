// The audit trail in the portal: every service keeps its own (org.exchange.platform.audit); one page reads them all.
export default {
  sections: {
    '/admin/': [
      { href: '/admin/audit.html', title: 'Audit trail',
        description: 'Who changed what and when, across the platform, with each record before and after.',
        roles: ['programme-admin'] }
    ],
    '/organisation/': [
      { href: '/organisation/audit.html', title: 'Audit trail',
        description: "Who changed your organisation's details, contacts, MoUs and venues, and who exported its data.",
        roles: ['org-admin'] }
    ]
  }
};
