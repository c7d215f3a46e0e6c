// exchange-service in the portal: networks, groups, meetings, attendance, outcomes.
import { api } from '../api.js';
import { el, formatDateTime } from '../dom.js';

const signedIn = me => !!me?.authenticated;

async function groupsCard() {
  const groups = await api('/api/exchange/me/groups');
  return [
    groups.length
      ? el('ul', {}, groups.slice(0, 5).map(group => el('li', {},
          el('a', { href: `/groups/group.html?id=${group.id}` }, group.name),
          ` (${group.status.charAt(0)}${group.status.slice(1).toLowerCase()})`)))
      : el('p', {}, 'You are not in a group yet.'),
    el('p', {}, el('a', { href: '/groups/' }, groups.length ? 'All your groups' : 'Find a group to join'))
  ];
}

async function meetingsCard() {
  const registrations = await api('/api/exchange/me/registrations');
  return [
    registrations.length
      ? el('ul', {}, registrations.slice(0, 5).map(({ meeting, place }) => el('li', {},
          meeting.groupId ? el('a', { href: `/groups/group.html?id=${meeting.groupId}` }, meeting.title) : meeting.title,
          `, ${formatDateTime(meeting.startsAt)}`, place === 'WAITLISTED' ? ' (waitlist)' : '')))
      : el('p', {}, 'You are not registered for an upcoming meeting.'),
    el('p', {}, el('a', { href: '/groups/events.html' }, 'Network events'), ' · ',
      el('a', { href: '/finder.html' }, 'Find events near you'))
  ];
}

async function discussionsCard() {
  const spaces = await api('/api/exchange/me/discussions');
  return spaces.length
    ? [el('ul', {}, spaces.map(space => el('li', {},
        el('a', { href: `/groups/discussion.html?space=${space.id}` }, space.name),
        space.unread ? ` (${space.unread} unread)` : '')))]
    : [el('p', {}, 'Your groups\' and networks\' discussions show here once you are in a group.')];
}

export default {
  navigation: [
    { href: '/finder.html', label: 'Find an exchange', public: true },
    { href: '/library.html', label: 'Outcomes library', public: true },
    { href: '/groups/', label: 'Groups' },
    { href: '/interest.html', label: 'Hear when a group starts', public: true },
    { href: '/enquiries.html', label: 'Enquiries' }
  ],
  sections: {
    '/facilitate/': [
      { href: '/facilitate/groups.html', title: 'Your groups',
        description: 'Schedule meetings, record attendance with corrections, move a group through its lifecycle, '
          + 'record what works and publish its outcome; propose a new group.',
        roles: ['facilitator', 'programme-admin'] }
    ],
    '/organisation/': [
      { href: '/groups/organisation-attendance.html', title: 'Staff attendance at exchanges',
        description: 'The group meetings and network events your staff attended, in what role and for how long.',
        roles: ['org-admin'] }
    ],
    '/admin/': [
      { href: '/admin/networks.html', title: 'Networks and programme cycles',
        description: 'Create regional networks and their programme cycles with waves.', roles: ['programme-admin'] },
      { href: '/admin/exchange-groups.html', title: 'Groups',
        description: 'Open proposed groups for members and run any group of the programme.', roles: ['programme-admin'] },
      { href: '/admin/interest-demand.html', title: 'Demand for groups',
        description: 'How many practitioners want a group in each subject area and region (counts only).',
        roles: ['programme-admin'] },
      { href: '/admin/exchange-events.html', title: 'Network events',
        description: 'Schedule launch events, development days with a key speaker and dissemination events; '
          + 'registrations, attendance and changes.', roles: ['programme-admin'] },
      { href: '/admin/enquiries.html', title: 'Enquiries',
        description: 'The shared inbox of the networks\' and the Learning Exchange\'s contact forms: answer by '
          + 'e-mail and close.', roles: ['programme-admin'] },
      { href: '/admin/discussion-reports.html', title: 'Reported posts',
        description: 'Discussion posts members reported, with their reasons, to read and hide in their threads.',
        roles: ['programme-admin'] },
      { href: '/admin/exchange-report.html', title: 'Programme report',
        description: 'Practitioners and organisations involved, groups by status, meetings held, attendance and '
          + 'outcomes, with a CSV download.', roles: ['programme-admin'] }
    ]
  },
  dashboardCards: [
    { title: 'Your groups', show: signedIn, render: groupsCard },
    { title: 'Your upcoming meetings', show: signedIn, render: meetingsCard },
    { title: 'Your discussions', show: signedIn, render: discussionsCard }
  ]
};
