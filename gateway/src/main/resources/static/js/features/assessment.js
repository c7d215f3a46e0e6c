// assessment-service in the portal: self-assessment against the Professional Standards, progress, and anonymised
// aggregates for facilitators, org-admins and programme admins.
import { api } from '../api.js';
import { el, formatDate } from '../dom.js';

const can = (me, ...roles) => !!me?.authenticated && roles.some(role => (me.roles || []).includes(role));

/** What the dashboard says: whether the baseline is done, a draft in progress, and what is due. */
async function selfAssessmentCard() {
  const status = await api('/api/assessment/me/status');
  const due = status.due || [];
  const next = status.draft
    ? el('a', { href: '/assessment/take.html' }, status.draft.kind === 'BASELINE' ? 'Continue your baseline'
      : 'Continue your review')
    : !status.baselineDone ? el('a', { href: '/assessment/take.html' }, 'Start your baseline self-assessment')
      : el('a', { href: '/assessment/take.html' }, 'Review your progress');
  return [
    el('dl', {},
      el('dt', {}, 'Baseline'),
      el('dd', { 'data-testid': 'dashboard-baseline' }, status.baselineDone ? 'Done' : 'Not done yet'),
      status.baselineDone ? [el('dt', {}, 'Reviews'), el('dd', {}, String(status.reviews)),
        el('dt', {}, 'Last submitted'), el('dd', {}, formatDate(status.lastSubmittedAt))] : null,
      el('dt', {}, 'Due'),
      el('dd', { 'data-testid': 'dashboard-assessment-due' }, due.length
        ? due.map(item => `${item.kind === 'BASELINE' ? 'Baseline' : 'Review'}${item.groupName
          ? ` (${item.groupName})` : ''}`).join(', ')
        : 'Nothing due')),
    el('p', {}, next, status.baselineDone ? [' · ', el('a', { href: '/assessment/progress.html' }, 'Your progress')]
      : null)
  ];
}

export default {
  navigation: [
    { href: '/assessment/', label: 'Self-assessment', roles: ['practitioner'] }
  ],
  sections: {
    '/facilitate/': [
      { href: '/facilitate/assessment.html', title: 'Self-assessment of your groups',
        description: 'How your groups rate themselves against the Professional Standards and how they have moved '
          + 'since their baselines: totals only, and only for five people or more.', roles: ['facilitator'] }
    ],
    '/organisation/': [
      { href: '/organisation/assessment.html', title: 'Staff self-assessment',
        description: 'Your staff\'s ratings against the Professional Standards and their change since baseline: '
          + 'anonymous totals of five people or more, with a CSV download.', roles: ['org-admin'] }
    ],
    '/admin/': [
      { href: '/admin/assessment.html', title: 'Self-assessment aggregates',
        description: 'Ratings against the Professional Standards and change since baseline for any group, network '
          + 'or organisation, with CSV for programme reports.', roles: ['programme-admin'] }
    ]
  },
  dashboardCards: [
    { title: 'Professional Standards self-assessment', show: me => can(me, 'practitioner'), render: selfAssessmentCard }
  ]
};
