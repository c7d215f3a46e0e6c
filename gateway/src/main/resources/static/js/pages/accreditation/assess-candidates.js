// Assessors: the candidates they observe or sit on a panel for, and a search for a candidate to observe.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { field, onSubmit, loadFailed } from '../membership/forms.js';
import { API, statusLabel, progressBar } from './common.js';

await shell({ signInRequired: true });
const host = document.getElementById('candidates');
const found = document.getElementById('found');

const nameOf = e => e.candidate?.name || e.candidateName || 'A candidate';

function list(enrolments, testId) {
  return el('ul', { class: 'cards', 'data-testid': testId }, enrolments.map(e => el('li', { class: 'card' },
    el('h3', {}, el('a', { href: `/assess/candidate.html?id=${encodeURIComponent(e.id)}` }, nameOf(e))),
    el('p', {}, [e.programmeTitle, e.candidate?.organisationName || e.organisationName].filter(Boolean).join(', ')),
    el('p', {}, el('span', { class: 'tag' }, statusLabel(e.status)),
      (e.assessorRoles || e.roles || []).map(role => el('span', { class: 'tag' }, role === 'PANEL' ? 'Panel'
        : role === 'OBSERVER' ? 'Observer' : role))),
    progressBar(`candidate-progress-${e.id}`, `Progress of ${nameOf(e)}`, e.progressPercent,
      `${Math.round(Number(e.progressPercent) || 0)}%`))));
}

async function render() {
  try {
    const candidates = await api(`${API}/assessor/candidates`);
    host.replaceChildren(candidates.length ? list(candidates, 'my-candidates')
      : el('p', {}, 'You observe no candidate and sit on no panel yet.'));
  } catch (error) {
    loadFailed(host, error, 'Your candidates');
  }
}

const search = el('form', { class: 'stacked', id: 'find-form', role: 'search', 'aria-labelledby': 'find-title' },
  field('find', 'q', 'Candidate\'s name', { required: true, attributes: { maxlength: 100, autocomplete: 'off' } }),
  el('p', {}, el('button', { type: 'submit' }, 'Find candidates')));
onSubmit(search, async values => {
  const results = await api(`${API}/assessor/enrolments?q=${encodeURIComponent(values.q)}`);
  const summary = el('p', { id: 'found-summary', tabindex: '-1' }, results.length
    ? `${results.length} ${results.length === 1 ? 'candidate' : 'candidates'} in progress match “${values.q}”.`
    : `No candidate in progress matches “${values.q}”.`);
  found.replaceChildren(...[summary, results.length ? list(results, 'found-candidates') : null].filter(Boolean));
  summary.focus();
});
document.getElementById('find').append(search);
render();
