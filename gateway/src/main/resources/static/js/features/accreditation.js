// accreditation-service in the portal: the ILM award programmes, a candidate's award and portfolio, assessors'
// observations and panels, programme admins' enrolments and completions, public credential checks.
import { api } from '../api.js';
import { el } from '../dom.js';
import { statusLabel, progressBar } from '../pages/accreditation/common.js';

const can = (me, ...roles) => !!me?.authenticated && roles.some(role => (me.roles || []).includes(role));

async function awardCard() {
  const enrolments = await api('/api/accreditation/me/enrolments');
  return [
    enrolments.length
      ? el('ul', { class: 'plain', 'data-testid': 'dashboard-awards' }, enrolments.map(e => el('li', {},
          el('a', { href: `/awards/award.html?id=${encodeURIComponent(e.id)}` }, e.programmeTitle),
          ` (${statusLabel(e.status).toLowerCase()})`,
          progressBar(`dashboard-award-${e.id}`, `Progress towards the ${e.programmeTitle}`, e.progressPercent,
            `${Math.round(Number(e.progressPercent) || 0)}%`))))
      : el('p', {}, 'You are not enrolled in an ILM award.'),
    el('p', {}, el('a', { href: '/awards/' }, enrolments.length ? 'The award programmes' : 'Find out about the awards'))
  ];
}

export default {
  navigation: [
    { href: '/awards/', label: 'ILM awards', public: true },
    { href: '/assess/', label: 'Assess', roles: ['assessor', 'programme-admin'] }
  ],
  sections: {
    '/assess/': [
      { href: '/assess/candidates.html', title: 'Your candidates',
        description: 'Candidates you observe or sit on a panel for: record observations of workshops they led and '
          + 'your recommendation after their presentation.', roles: ['assessor', 'programme-admin'] }
    ],
    '/admin/': [
      { href: '/admin/awards.html', title: 'Award enrolments',
        description: 'Accept or decline applications for the ILM awards, assign coaches and name panels.',
        roles: ['programme-admin'] },
      { href: '/admin/award-completions.html', title: 'Award completions',
        description: 'Completions to confirm with ILM, with a CSV download, and ILM\'s confirmation recorded.',
        roles: ['programme-admin'] }
    ]
  },
  dashboardCards: [
    { title: 'Your ILM award', show: me => can(me, 'practitioner'), render: awardCard }
  ]
};
