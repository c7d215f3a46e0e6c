// An assessor with one candidate: their progress, the workshops they led, observations recorded so far; a peer
// assessor records an observation of a workshop the candidate led, and a panel member records a recommendation.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { field, onSubmit, loadFailed } from '../membership/forms.js';
import { param, fill } from '../exchange/common.js';
import { API, checklist, overall, panel, facts, showMessage, observationList, observationForm } from './common.js';

const me = await shell({ signInRequired: true });
const id = param('id');
const host = document.getElementById('candidate');
const messageHost = document.getElementById('message');
const base = `${API}/enrolments/${encodeURIComponent(id || '')}`;

async function render(message) {
  let enrolment;
  try {
    enrolment = await api(base);
  } catch (error) {
    loadFailed(host, error, 'This candidate');
    return;
  }
  const [workshops, observations] = await Promise.all([
    api(`${base}/workshops`).catch(() => null), api(`${base}/observations`).catch(() => [])]);
  const name = enrolment.candidate?.name || 'The candidate';
  document.getElementById('title').textContent = `${name}: ${enrolment.programmeTitle}`;
  document.title = `${name} - Exchange`;
  const onPanel = [enrolment.panel?.academyAssessor?.id, enrolment.panel?.organisationAssessor?.id]
    .includes(me.subject);
  const ownCandidacy = enrolment.candidate?.id === me.subject;
  fill(host,
    facts(enrolment),
    el('section', { 'aria-labelledby': 'progress-title' },
      el('h2', { id: 'progress-title' }, 'Progress'), overall(enrolment), checklist(enrolment)),
    el('section', { 'aria-labelledby': 'observations-title' },
      el('h2', { id: 'observations-title' }, 'Observations'),
      observationList(observations, workshops),
      ownCandidacy ? el('p', { class: 'notice' }, 'You cannot observe your own workshops.')
        : observationForm(id, workshops, 'observation',
          () => render('Your observation is recorded; the candidate is told.'))),
    el('section', { 'aria-labelledby': 'panel-title' },
      el('h2', { id: 'panel-title' }, 'Panel'),
      panel(enrolment),
      onPanel ? recommendationForm(enrolment) : null));
  showMessage(messageHost, message);
}

function recommendationForm(enrolment) {
  const mine = (enrolment.panel?.recommendations || []).find(r => r.assessorId === me.subject);
  const choice = (value, label, hint) => el('div', { class: 'field checkbox' },
    el('input', { type: 'radio', id: `decision-${value}`, name: 'decision', value, required: true,
      checked: mine?.decision === value, 'aria-describedby': `decision-${value}-hint`, 'data-label': 'Your decision' }),
    el('label', { for: `decision-${value}` }, label),
    el('span', { class: 'hint', id: `decision-${value}-hint` }, hint));
  const form = el('form', { class: 'stacked', id: 'recommendation-form', 'aria-labelledby': 'recommend-title' },
    el('h3', { id: 'recommend-title' }, mine ? 'Change your recommendation' : 'Record your recommendation'),
    el('fieldset', {}, el('legend', {}, 'Your decision'),
      choice('RECOMMEND', 'Recommend the award', 'Ready for approval as a practice-based leader of learning exchange.'),
      choice('NOT_YET', 'Not yet', 'Say in your reasons what the candidate still needs to show.')),
    field('recommendation', 'reasons', 'Your reasons', { type: 'textarea', rows: 5, required: true,
      value: mine?.reasons, attributes: { maxlength: 10000 } }),
    el('p', {}, el('button', { type: 'submit' }, 'Record the recommendation')));
  onSubmit(form, async () => {
    const decision = form.querySelector('input[name="decision"]:checked').value;
    await api(`${base}/recommendations`, { method: 'POST',
      body: { decision, reasons: form.elements.namedItem('reasons').value.trim() } });
    await render(decision === 'RECOMMEND' ? `You recommend ${enrolment.candidate?.name || 'the candidate'}.`
      : 'Your recommendation “not yet” is recorded with your reasons.');
  });
  return form;
}

render();
