// membership-service in the portal: profile, organisations, membership, CPD, invoices.
import { api } from '../api.js';
import { el, formatDate } from '../dom.js';

const can = (me, ...roles) => !!me?.authenticated && roles.some(role => (me.roles || []).includes(role));

const STATUS = {
  APPLIED: 'Applied, under review', REJECTED: 'Not approved', AWAITING_PAYMENT: 'Awaiting payment', ACTIVE: 'Active',
  RENEWAL_DUE: 'Renewal due', RENEWAL_SUBMITTED: 'Renewal under review', RENEWAL_PAYMENT: 'Renewal awaiting payment',
  LAPSED: 'Lapsed'
};

async function membershipCard() {
  const year = new Date().getFullYear();
  const [membership, cpd] = await Promise.all([
    api('/api/membership/me/membership'), // no content (null) before applying
    api(`/api/membership/me/cpd?year=${year}`)]);
  return [
    el('dl', {},
      el('dt', {}, 'Membership'),
      el('dd', { 'data-testid': 'dashboard-membership' }, membership ? STATUS[membership.status] || membership.status
        : 'Not applied'),
      membership?.expiresOn ? [el('dt', {}, 'Expires'), el('dd', {}, formatDate(membership.expiresOn))] : null,
      el('dt', {}, `CPD hours in ${year}`), el('dd', { 'data-testid': 'dashboard-cpd-hours' }, Number(cpd.totalHours).toLocaleString('en-GB', { maximumFractionDigits: 2 }))),
    el('p', {}, el('a', { href: '/membership/' }, 'Your membership'), ' · ',
      el('a', { href: '/membership/cpd.html' }, 'Your CPD record'))
  ];
}

export default {
  navigation: [
    { href: '/membership/', label: 'Membership', roles: ['practitioner'] },
    { href: '/membership/cpd.html', label: 'CPD', roles: ['practitioner'] },
    { href: '/membership/profile.html', label: 'Profile' }
  ],
  sections: {
    '/admin/': [
      { href: '/admin/memberships.html', title: 'Memberships',
        description: 'Review applications and renewals, and record the payments of invoices.',
        roles: ['programme-admin'] },
      { href: '/admin/partners.html', title: 'Partner sign-in',
        description: 'Partners whose staff sign in with their own accounts: the health of each sign-in, a check '
          + 'against the identity provider, and onboarding a new one.', roles: ['programme-admin'] },
      { href: '/admin/membership-reports.html', title: 'Membership reports',
        description: 'Viability against the target of 50 members, members by status, renewals due, lapsed '
          + 'memberships and revenue, with CSV downloads.', roles: ['programme-admin'] }
    ],
    '/organisation/': [
      { href: '/organisation/partnership.html', title: 'Partnership',
        description: 'Your details and contacts, the Memorandum of Understanding, venues you offer and contributions.',
        roles: ['org-admin'] },
      { href: '/organisation/staff.html', title: 'Staff participation',
        description: 'Your staff\'s Learning Exchange membership and CPD hours this year, with a CSV download.',
        roles: ['org-admin'] },
      { href: '/organisation/admins.html', title: 'Organisation admins',
        description: 'Who manages your organisation on the platform: name another organisation admin or withdraw one.',
        roles: ['org-admin'] }
    ]
  },
  dashboardCards: [
    { title: 'Learning Exchange membership', show: me => can(me, 'practitioner'), render: membershipCard }
  ]
};
