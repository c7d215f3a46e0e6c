// Programme admins: the candidates both assessors recommend, to confirm with ILM (a table and its CSV), and
// ILM's confirmation recorded for each, which awards the certificate and the credential (AwardCompleted).
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDate } from '../../dom.js';
import { field, onSubmit, loadFailed, today, hours } from '../membership/forms.js';
import { fill } from '../exchange/common.js';
import { API, table, statusLabel, showMessage } from './common.js';

await shell({ signInRequired: true });
const host = document.getElementById('completions');
const messageHost = document.getElementById('message');

const idOf = c => c.enrolmentId || c.id;
const nameOf = c => [c.candidateGivenName, c.candidateFamilyName].filter(Boolean).join(' ') || c.candidateName
  || 'An erased candidate';

async function render(message) {
  let completions;
  try {
    completions = await api(`${API}/admin/completions`);
  } catch (error) {
    loadFailed(host, error, 'Completions');
    return;
  }
  showMessage(messageHost, message);
  const waiting = completions.filter(c => !c.status || c.status === 'RECOMMENDED');
  fill(host,
    el('p', {}, el('a', { class: 'button secondary', href: `${API}/admin/completions.csv`, download: '' },
      'Download the completions as CSV')),
    completions.length ? table('Completions', ['Candidate', 'Organisation', 'Programme', 'Enrolled', 'Recommended',
      'Hours', 'Workshops (observed)', 'Panel', 'Status'], completions.map(c => [nameOf(c), c.organisationName || '',
      c.programmeTitle || '', formatDate(c.enrolledOn), formatDate(c.recommendedAt || c.recommendedOn),
      hours(c.totalHours), `${c.workshopsFacilitated ?? ''} (${c.workshopsObserved ?? ''})`,
      [c.academyAssessor, c.organisationAssessor].filter(Boolean).join(', '),
      c.status === 'AWARDED' ? `Awarded ${formatDate(c.awardedOn)}, ${c.ilmReference || ''}`
        : statusLabel(c.status || 'RECOMMENDED')]))
      : el('p', {}, 'No candidate is waiting for ILM\'s confirmation.'),
    waiting.length ? el('section', { 'aria-labelledby': 'confirm-title' },
      el('h2', { id: 'confirm-title' }, 'Record ILM\'s confirmation'),
      el('ul', { class: 'review-list' }, waiting.map(confirmation))) : null);
}

function confirmation(completion) {
  const name = nameOf(completion);
  const prefix = `award-${idOf(completion)}`;
  const form = el('form', { class: 'stacked', id: prefix, 'aria-labelledby': `${prefix}-title` },
    el('h3', { id: `${prefix}-title` }, `${name}, ${completion.programmeTitle || ''}`),
    field(prefix, 'confirmedOn', 'ILM confirmed on', { type: 'date', required: true, value: today(),
      attributes: { max: today() } }),
    field(prefix, 'ilmReference', 'ILM reference', { required: true, hint: 'The reference ILM gave the completion.',
      attributes: { maxlength: 100 } }),
    el('p', {}, el('button', { type: 'submit' }, 'Record the award', el('span', { class: 'visually-hidden' },
      ` of ${name}`))));
  onSubmit(form, async values => {
    await api(`${API}/admin/enrolments/${encodeURIComponent(idOf(completion))}/award`, { method: 'POST',
      body: { confirmedOn: values.confirmedOn, ilmReference: values.ilmReference } });
    await render(`${name} is awarded the ${completion.programmeTitle || 'award'}: the certificate and the credential `
      + 'are ready for them to download.');
  });
  return el('li', { class: 'card', 'data-enrolment': idOf(completion) }, form);
}

render();
