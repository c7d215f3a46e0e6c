// Assessors: the candidates they observe or sit on a panel for, and a search for a candidate to observe.
import { shell, hasRole } from '../../shell.js';
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { field, onSubmit, loadFailed } from '../membership/forms.js';
import { API, statusLabel, progressBar, observationForm, showMessage } from './common.js';

const me = await shell({ signInRequired: true });
const host = document.getElementById('candidates');
const found = document.getElementById('found');

const nameOf = e => e.candidate?.name || e.candidateName || 'A candidate';

const idOf = e => e.id || e.enrolmentId;

/** A candidate; linked to their page when the assessor may read it (they observe or assess them already). */
function card(e, linked, ...more) {
  return el('li', { class: 'card', 'data-enrolment': idOf(e) },
    el('h3', {}, linked ? el('a', { href: `/assess/candidate.html?id=${encodeURIComponent(idOf(e))}` }, nameOf(e))
      : nameOf(e)),
    el('p', {}, [e.programmeTitle, e.candidate?.organisationName || e.organisationName].filter(Boolean).join(', ')),
    el('p', {}, el('span', { class: 'tag' }, statusLabel(e.status))), ...more);
}

function list(enrolments) {
  return el('ul', { class: 'cards', 'data-testid': 'my-candidates' }, enrolments.map(e => card(e, true,
    progressBar(`candidate-progress-${idOf(e)}`, `Progress of ${nameOf(e)}`, e.progressPercent,
      `${Math.round(Number(e.progressPercent) || 0)}%`))));
}

/** A candidate found to observe: the workshops they led come with the search, so the observation is recorded here. */
function observable(e) {
  return card(e, false, observationForm(idOf(e), e.ledWorkshops || [], `observe-${idOf(e)}`, async () => {
    found.replaceChildren();
    await render();
    showMessage(document.getElementById('message'), `Your observation of ${nameOf(e)} is recorded; the candidate is `
      + 'told.');
  }));
}

async function render() {
  try {
    const candidates = await api(`${API}/assessor/candidates`);
    host.replaceChildren(candidates.length ? list(candidates)
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
  found.replaceChildren(...[summary, results.length ? el('ul', { class: 'review-list', 'data-testid': 'found-candidates' },
    results.map(observable)) : null].filter(Boolean));
  summary.focus();
});
if (hasRole(me, 'assessor')) {
  document.getElementById('find').append(search);
  render();
} else {
  // a programme admin who is not an assessor has no candidates of their own: they assign assessors and panels
  host.replaceChildren(el('p', {}, 'You are not an assessor, so no candidate is yours to observe. Assessors and '
    + 'panels are named for each candidate on ', el('a', { href: '/admin/awards.html' }, 'Award enrolments'), '.'));
}
