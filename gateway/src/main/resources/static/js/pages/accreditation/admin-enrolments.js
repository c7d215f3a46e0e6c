// Programme admins: applications for the ILM awards to accept (the prerequisite is checked and the fee's invoice
// issued) or decline with a reason; for each candidate, their coach or mentor and their panel of two assessors, one
// from the academy and one from the candidate's own organisation.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDate } from '../../dom.js';
import { field, onSubmit, loadFailed, today } from '../membership/forms.js';
import { API, OPEN, statusLabel, progressBar, showMessage } from './common.js';

await shell({ signInRequired: true });
const applicationsHost = document.getElementById('applications');
const candidatesHost = document.getElementById('candidates');
const messageHost = document.getElementById('message');
const ACADEMY = 'org-academy';

const candidateName = e => e.candidate?.name || e.candidateName || 'A candidate';
const organisationOf = e => e.candidate?.organisationName || e.organisationName || e.candidate?.organisationId || '';

async function render(message) {
  let enrolments;
  let assessors = [];
  try {
    [enrolments, assessors] = await Promise.all([api(`${API}/admin/enrolments`),
      api(`${API}/admin/assessors`).catch(() => [])]);
  } catch (error) {
    loadFailed(applicationsHost, error, 'Award enrolments');
    candidatesHost.replaceChildren();
    return;
  }
  showMessage(messageHost, message);
  const applications = enrolments.filter(e => e.status === 'APPLIED');
  applicationsHost.replaceChildren(applications.length
    ? el('ul', { class: 'review-list' }, applications.map(applicationItem))
    : el('p', {}, 'No application is waiting.'));
  const candidates = enrolments.filter(e => OPEN.includes(e.status));
  candidatesHost.replaceChildren(candidates.length
    ? el('ul', { class: 'review-list' }, candidates.map(e => candidateItem(e, assessors)))
    : el('p', {}, 'No candidate is enrolled.'));
}

function applicationItem(enrolment) {
  const name = candidateName(enrolment);
  const prefix = `application-${enrolment.id}`;
  const acceptPrefix = `accept-${enrolment.id}`;
  const accept = el('form', { class: 'stacked', id: acceptPrefix, 'aria-label': `Accept ${name}` },
    field(acceptPrefix, 'enrolledOn', 'Enrolled on', { type: 'date', required: true, value: today(),
      hint: 'Today, or earlier for a candidate who began before the platform recorded it. Accepting issues the '
        + 'invoice for the fee.', attributes: { max: today() } }),
    el('p', {}, el('button', { type: 'submit' }, 'Accept', el('span', { class: 'visually-hidden' }, ` ${name}`))));
  onSubmit(accept, async values => {
    await api(`${API}/admin/enrolments/${enrolment.id}/accept`, { method: 'POST',
      body: { enrolledOn: values.enrolledOn } });
    await render(`${name} is enrolled in the ${enrolment.programmeTitle}: the invoice for the fee is issued.`);
  });
  const decline = el('form', { class: 'stacked', id: prefix, 'aria-label': `Decline ${name}` },
    field(prefix, 'reason', 'Reason for declining', { type: 'textarea', rows: 2, required: true,
      hint: 'Shown to the candidate.', attributes: { maxlength: 2000 } }),
    el('p', {}, el('button', { type: 'submit', class: 'secondary' }, 'Decline',
      el('span', { class: 'visually-hidden' }, ` ${name}`))));
  onSubmit(decline, async values => {
    await api(`${API}/admin/enrolments/${enrolment.id}/decline`, { method: 'POST', body: { reason: values.reason } });
    await render(`The application of ${name} is declined.`);
  });
  return el('li', { class: 'card', 'data-enrolment': enrolment.id },
    el('h3', {}, name),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Programme'), el('dd', {}, enrolment.programmeTitle),
      el('dt', {}, 'Organisation'), el('dd', {}, organisationOf(enrolment) || '—'),
      el('dt', {}, 'Applied'), el('dd', {}, formatDate(enrolment.appliedAt))),
    accept, decline);
}

const fromAcademy = assessor => assessor.fromAcademy ?? assessor.organisationId === ACADEMY;

/** The assessors a select offers: those that fit (or every one, when none does), named with their organisation. */
function assessorOptions(assessors, fits = () => true) {
  const fitting = assessors.filter(fits);
  return [['', 'Choose an assessor'], ...(fitting.length ? fitting : assessors).map(a => [a.id,
    `${a.name}${a.organisationName || a.organisationId ? `, ${a.organisationName || a.organisationId}` : ''}`])];
}

function candidateItem(enrolment, assessors) {
  const name = candidateName(enrolment);
  const coachPrefix = `coach-${enrolment.id}`;
  const coachForm = el('form', { class: 'stacked', id: coachPrefix, 'aria-label': `Coach of ${name}` },
    field(coachPrefix, 'coachId', 'Coach or mentor', { required: true, value: enrolment.coach?.id,
      options: assessorOptions(assessors), hint: 'A recognised facilitator in the candidate\'s field.' }),
    el('p', {}, el('button', { type: 'submit', class: 'secondary' }, 'Assign coach',
      el('span', { class: 'visually-hidden' }, ` to ${name}`))));
  onSubmit(coachForm, async values => {
    await api(`${API}/admin/enrolments/${enrolment.id}/coach`, { method: 'PUT', body: { coachId: values.coachId } });
    await render(`The coach of ${name} is assigned.`);
  });
  const panelPrefix = `panel-${enrolment.id}`;
  const organisation = organisationOf(enrolment);
  const ofTheCandidatesOrganisation = a => !fromAcademy(a)
    && [a.organisationName, a.organisationId].includes(organisation);
  const panelForm = el('form', { class: 'stacked', id: panelPrefix, 'aria-label': `Panel of ${name}` },
    el('fieldset', {}, el('legend', {}, `Panel of ${name}`),
      field(panelPrefix, 'academyAssessorId', 'Assessor from the academy', { required: true,
        value: enrolment.panel?.academyAssessor?.id, options: assessorOptions(assessors, fromAcademy) }),
      field(panelPrefix, 'organisationAssessorId', `Assessor from ${organisationOf(enrolment) || 'the candidate\'s '
        + 'organisation'}`, { required: true, value: enrolment.panel?.organisationAssessor?.id,
        options: assessorOptions(assessors, ofTheCandidatesOrganisation) })),
    el('p', {}, el('button', { type: 'submit' }, 'Name the panel',
      el('span', { class: 'visually-hidden' }, ` of ${name}`))));
  onSubmit(panelForm, async values => {
    await api(`${API}/admin/enrolments/${enrolment.id}/panel`, { method: 'PUT', body: {
      academyAssessorId: values.academyAssessorId, organisationAssessorId: values.organisationAssessorId } });
    await render(`The panel of ${name} is named.`);
  });
  return el('li', { class: 'card', 'data-enrolment': enrolment.id },
    el('h3', {}, el('a', { href: `/awards/award.html?id=${encodeURIComponent(enrolment.id)}` }, name),
      ' ', el('span', { class: 'tag' }, statusLabel(enrolment.status))),
    el('p', {}, `${enrolment.programmeTitle}, ${organisationOf(enrolment) || 'no organisation'}`,
      enrolment.enrolledOn ? `, enrolled ${formatDate(enrolment.enrolledOn)}` : ''),
    progressBar(`admin-progress-${enrolment.id}`, `Progress of ${name}`, enrolment.progressPercent,
      `${Math.round(Number(enrolment.progressPercent) || 0)}%`),
    assessors.length ? [coachForm, panelForm]
      : el('p', { class: 'notice' }, 'No assessor is known yet: appoint assessors first, then name the coach and the '
        + 'panel here.'));
}

render();
