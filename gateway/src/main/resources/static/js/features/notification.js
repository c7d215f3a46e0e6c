// notification-service in the portal: the newsletter's public archive and the programme admin's newsletter.
export default {
  navigation: [
    { href: '/newsletters.html', label: 'Newsletter archive', public: true }
  ],
  sections: {
    '/admin/': [
      { href: '/admin/newsletters.html', title: 'Newsletter',
        description: 'Draft the quarterly newsletter from the quarter\'s outcomes, events and new groups, preview it, '
          + 'send yourself a test, choose its audience and schedule it, then watch it send.',
        roles: ['programme-admin'] }
    ]
  }
};
