// The practitioner's self-assessment home: where they stand and what to do next.
import { shell } from '../../shell.js';
import { api, ApiError } from '../../api.js';
import { el, formatDate } from '../../dom.js';

await shell({ signInRequired: true });
const host = document.getElementById('assessment');

try {
  const status = await api('/api/assessment/me/status');
  const due = status.due || [];
  const start = status.draft
    ? (status.draft.kind === 'BASELINE' ? 'Continue your baseline' : 'Continue your review')
    : (status.baselineDone ? 'Review your progress' : 'Start your baseline');
  host.replaceChildren(
    el('dl', { class: 'facts' },
      el('dt', {}, 'Baseline'), el('dd', { 'data-testid': 'baseline-status' }, status.baselineDone ? 'Done' : 'Not done yet'),
      el('dt', {}, 'Reviews since'), el('dd', {}, String(status.reviews)),
      status.lastSubmittedAt ? [el('dt', {}, 'Last submitted'), el('dd', {}, formatDate(status.lastSubmittedAt))] : null,
      status.draft ? [el('dt', {}, 'Draft'), el('dd', {}, `Saved ${formatDate(status.draft.updatedAt)}`)] : null,
      el('dt', {}, 'Due'), el('dd', {}, due.length ? due.map(item => `${item.kind === 'BASELINE' ? 'Your baseline'
        : 'A review'}${item.groupName ? ` (${item.groupName})` : ''}`).join(', ') : 'Nothing due')),
    el('p', { class: 'actions' },
      el('a', { class: 'button', href: '/assessment/take.html' }, start),
      status.baselineDone ? el('a', { class: 'button secondary', href: '/assessment/progress.html' }, 'Your progress')
        : null));
} catch (error) {
  host.replaceChildren(el('p', { class: 'notice error', role: 'alert' },
    error instanceof ApiError ? error.message : 'Your self-assessment is not available just now.'));
}
