// The practitioner's progress: a radar of the baseline against the latest ratings, the same figures as a table, a
// timeline per focus standard, and a printable summary to take to an appraisal.
import { shell } from '../../shell.js';
import { ApiError } from '../../api.js';
import { el, formatDate } from '../../dom.js';
import { change, editionTitle, optional } from './shared.js';

await shell({ signInRequired: true });
const host = document.getElementById('progress');

let progress;
try {
  progress = await optional('/api/assessment/me/progress');
} catch (error) {
  host.replaceChildren(el('p', { class: 'notice error', role: 'alert' },
    error instanceof ApiError ? error.message : 'Your progress is not available just now.'));
  throw error;
}
if (!progress) {
  host.replaceChildren(el('p', { class: 'notice' }, 'Your progress starts with your baseline self-assessment. ',
    el('a', { href: '/assessment/take.html' }, 'Start your baseline')));
} else {
  render(progress);
}

function roundName(round, index) {
  return round.kind === 'BASELINE' ? 'Baseline' : `Review ${index}`;
}

function render(p) {
  const baseline = p.rounds[0];
  const latest = p.rounds[p.rounds.length - 1];
  const reviewed = p.rounds.length > 1;
  const canvas = el('canvas', { id: 'radar', role: 'img', width: 480, height: 480,
    'aria-label': `Radar chart of your ratings of the 20 standards: baseline against ${reviewed ? 'your latest review'
      : 'itself, until your first review'}. The table below gives the same figures.` });
  const rows = p.standards.map(row => el('tr', {},
    el('th', { scope: 'row' }, `${row.number}${row.focus ? ' (focus)' : ''}`),
    el('td', {}, row.wording || 'Wording not available here'),
    el('td', {}, String(row.baseline)),
    el('td', {}, row.previous ?? '—'),
    el('td', {}, String(row.latest)),
    el('td', { 'data-testid': `change-${row.number}` }, change(row.changeSinceBaseline)),
    el('td', {}, change(row.changeSincePrevious))));
  host.replaceChildren(
    el('p', { class: 'lead', 'data-testid': 'edition' }, `Against the ${editionTitle(p.edition)}.`),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Baseline'), el('dd', {}, formatDate(baseline.submittedAt)),
      el('dt', {}, 'Latest'), el('dd', {}, reviewed ? `${roundName(latest, p.rounds.length - 1)}, `
        + formatDate(latest.submittedAt) : 'No review yet'),
      el('dt', {}, 'Reviews'), el('dd', {}, String(p.rounds.length - 1))),
    el('p', { class: 'actions no-print' },
      el('button', { type: 'button', class: 'secondary', id: 'print', onclick: () => window.print() },
        'Print a summary'),
      el('a', { class: 'button secondary', href: '/assessment/take.html' }, 'Review your progress')),
    el('section', { 'aria-labelledby': 'chart-title' },
      el('h2', { id: 'chart-title' }, 'Baseline and latest'),
      el('div', { class: 'radar' }, canvas)),
    el('section', { 'aria-labelledby': 'table-title' },
      el('h2', { id: 'table-title' }, 'Change per standard'),
      el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'table-title' },
        el('table', { id: 'progress-table' },
          el('caption', {}, 'Your rating of each standard, 1 to 6, and how it changed'),
          el('thead', {}, el('tr', {}, ['Standard', 'Wording', 'Baseline', 'Previous review', 'Latest',
            'Change since baseline', 'Change since previous review'].map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, rows)))),
    el('section', { 'aria-labelledby': 'timelines-title' },
      el('h2', { id: 'timelines-title' }, 'Your focus standards over time'),
      p.focusTimelines.map(timeline => el('div', { class: 'timeline' },
        el('h3', {}, `Standard ${timeline.number}${timeline.wording ? `: ${timeline.wording}` : ''}`),
        el('ol', {}, timeline.points.map((point, index) => el('li', {},
          `${roundName(point, index)}, ${formatDate(point.submittedAt)}: `, el('strong', {}, String(point.score)))))))));
  drawRadar(canvas, p);
}

function drawRadar(canvas, p) {
  if (!window.Chart) return;
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const datasets = [{ label: 'Baseline', data: p.standards.map(row => row.baseline), borderColor: '#4a4a4a',
    backgroundColor: 'rgba(74, 74, 74, 0.15)', borderDash: [6, 4], pointStyle: 'rectRot' }];
  if (p.rounds.length > 1) {
    datasets.push({ label: 'Latest', data: p.standards.map(row => row.latest), borderColor: '#00594f',
      backgroundColor: 'rgba(0, 89, 79, 0.2)', pointStyle: 'circle' });
  }
  new window.Chart(canvas, {
    type: 'radar',
    data: { labels: p.standards.map(row => String(row.number)), datasets },
    options: {
      responsive: true, maintainAspectRatio: true, animation: reduce ? false : undefined,
      scales: { r: { min: 0, max: 6, ticks: { stepSize: 1, color: '#1b1b1b' }, pointLabels: { color: '#1b1b1b' } } },
      plugins: { legend: { labels: { color: '#1b1b1b', usePointStyle: true } } }
    }
  });
}
