// Shared by the award pages (accreditation-service): the words for its constants, the progress checklist with its
// bars, and the panel. Forms come from the membership pages' accessible form helpers, tables from the exchange pages'.
import { el, formatDate, formatDateTime } from '../../dom.js';
import { api } from '../../api.js';
import { hours, field, onSubmit, today } from '../membership/forms.js';
import { table as exchangeTable } from '../exchange/common.js';

export const API = '/api/accreditation';

/** A table in a region of its own that scrolls sideways on a phone instead of squeezing its columns. */
export function table(...args) {
  const wrap = exchangeTable(...args);
  wrap.classList.add('wide');
  return wrap;
}

export const STATUS = {
  APPLIED: { label: 'Applied', next: 'A programme admin is reviewing your application. Accepting it issues the '
    + 'invoice for the fee.' },
  ENROLLED: { label: 'Enrolled', next: 'You are enrolled. Start your portfolio: your development plan, hours and '
    + 'reflections.' },
  IN_PROGRESS: { label: 'In progress', next: 'Keep building your portfolio; the checklist shows what is still missing.' },
  READY_FOR_ASSESSMENT: { label: 'Ready for assessment', next: 'Every requirement but the assessors\' '
    + 'recommendations is met: present your learning journey to your panel.' },
  RECOMMENDED: { label: 'Recommended', next: 'Both assessors recommend you. The programme office confirms your '
    + 'completion with ILM.' },
  AWARDED: { label: 'Awarded', next: 'ILM confirmed your award. Download your certificate and your credential below.' },
  WITHDRAWN: { label: 'Withdrawn', next: 'This enrolment was withdrawn.' },
  DECLINED: { label: 'Not accepted', next: 'This application was not accepted.' }
};

export const statusLabel = status => STATUS[status]?.label || status;

/** Enrolments whose portfolio the candidate still builds. */
export const OPEN = ['ENROLLED', 'IN_PROGRESS', 'READY_FOR_ASSESSMENT', 'RECOMMENDED'];

export const CATEGORIES = {
  OBSERVED_PRACTICE: 'Observed practice',
  REFLECTION_AND_PLANNING: 'Personal reflection and development planning',
  COACHING_OR_MENTORING: 'Coaching or mentoring',
  PRESENTATION_AND_FEEDBACK: 'Presentation, self-assessment and feedback'
};

export const categoryLabel = category => CATEGORIES[category] || category;

export const DECISIONS = { RECOMMEND: 'Recommends the award', NOT_YET: 'Not yet' };

export function money(fee) {
  if (!fee) return '';
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: fee.currency || 'GBP' })
    .format(Number(fee.amount));
}

/** How far a requirement is met, in words: "12.5 of 62 hours". */
export function amount(item) {
  if (item.target === null || item.target === undefined) return item.met ? 'Done' : 'Not yet';
  const unit = item.unit ? ` ${item.unit}` : '';
  return `${hours(item.current)} of ${hours(item.target)}${unit}`;
}

/** A labelled progress bar: the label names it, the text beside it says how far. */
export function progressBar(id, label, percent, text) {
  const value = Math.max(0, Math.min(100, Math.round(Number(percent) || 0)));
  return el('div', { class: 'progress-row' },
    el('span', { id: `${id}-label`, class: 'progress-label' }, label),
    el('progress', { id, max: 100, value, 'aria-labelledby': `${id}-label`, 'aria-describedby': `${id}-text`,
      'data-testid': id }, `${value}%`),
    el('span', { id: `${id}-text`, class: 'progress-text' }, text));
}

/** The checklist of an enrolment: one bar per requirement and what is missing in plain words. */
export function checklist(enrolment, prefix = 'requirement') {
  const items = enrolment.checklist || [];
  if (!items.length) return el('p', {}, 'The checklist appears once the enrolment is accepted.');
  return el('ul', { class: 'checklist', 'data-testid': 'checklist' }, items.map((item, index) => {
    const id = `${prefix}-${index}`;
    return el('li', { class: `requirement ${item.met ? 'met' : 'unmet'}`, 'data-requirement': item.requirementId },
      progressBar(id, item.label, item.percent, amount(item)),
      el('p', { class: 'requirement-state' },
        el('span', { class: `tag ${item.met ? 'met' : ''}` }, item.met ? 'Met' : 'Still to do'),
        item.met ? null : el('span', { class: 'missing' }, ` ${item.missing || ''}`)));
  }));
}

/** The overall bar: the share of requirements met. */
export function overall(enrolment, id = 'overall-progress') {
  const items = enrolment.checklist || [];
  const met = items.filter(item => item.met).length;
  return progressBar(id, 'Overall progress', enrolment.progressPercent ?? (items.length ? 100 * met / items.length : 0),
    items.length ? `${met} of ${items.length} requirements met` : 'Not started');
}

export const nameOf = person => person?.name || 'Not named yet';

/** The panel: who sits on it and what each recommended. */
export function panel(enrolment) {
  const members = enrolment.panel;
  if (!members || (!members.academyAssessor && !members.organisationAssessor)) {
    return el('p', { 'data-testid': 'panel' }, 'No panel is named yet. A programme admin names two assessors: one '
      + 'from the academy and one from your own organisation.');
  }
  const recommendations = members.recommendations || [];
  return el('div', { 'data-testid': 'panel' },
    el('dl', { class: 'facts' },
      el('dt', {}, 'Academy assessor'), el('dd', {}, nameOf(members.academyAssessor)),
      el('dt', {}, 'Assessor from the candidate\'s organisation'), el('dd', {}, nameOf(members.organisationAssessor))),
    recommendations.length
      ? el('ul', { class: 'stack', 'data-testid': 'recommendations' }, recommendations.map(r => el('li', { class: 'card' },
          el('h4', {}, `${r.assessorName || 'An assessor'}: ${DECISIONS[r.decision] || r.decision}`),
          el('p', { class: 'evidence' }, r.reasons || ''),
          el('p', { class: 'muted' }, `Recorded ${formatDateTime(r.recordedAt)}`))))
      : el('p', {}, 'No recommendation is recorded yet.'));
}

/** The facts at the head of an enrolment. */
export function facts(enrolment) {
  return el('dl', { class: 'facts' },
    enrolment.candidate ? [el('dt', {}, 'Candidate'), el('dd', { 'data-testid': 'candidate' },
      [enrolment.candidate.name, enrolment.candidate.organisationName || enrolment.candidate.organisationId]
        .filter(Boolean).join(', '))] : null,
    el('dt', {}, 'Status'), el('dd', {}, el('span', { class: 'tag', 'data-testid': 'enrolment-status' },
      statusLabel(enrolment.status))),
    el('dt', {}, 'Applied'), el('dd', {}, formatDate(enrolment.appliedAt)),
    enrolment.enrolledOn ? [el('dt', {}, 'Enrolled'), el('dd', {}, formatDate(enrolment.enrolledOn))] : null,
    enrolment.eligibleFrom ? [el('dt', {}, 'Eligible for assessment from'),
      el('dd', {}, formatDate(enrolment.eligibleFrom))] : null,
    enrolment.requirementVersion ? [el('dt', {}, 'Requirements'),
      el('dd', {}, `Version ${enrolment.requirementVersion}`)] : null,
    el('dt', {}, 'Coach or mentor'), el('dd', { 'data-testid': 'coach' }, enrolment.coach?.name || 'Not assigned yet'),
    enrolment.fee ? [el('dt', {}, 'Fee'), el('dd', { 'data-testid': 'fee' }, `${money(enrolment.fee)}, invoice `
      + `${enrolment.fee.invoiceNumber}, ${enrolment.fee.paidOn ? `paid ${formatDate(enrolment.fee.paidOn)}`
        : `due ${formatDate(enrolment.fee.dueOn)}`}`)] : null,
    enrolment.decisionReason ? [el('dt', {}, 'Reason given'), el('dd', {}, enrolment.decisionReason)] : null,
    enrolment.awardedOn ? [el('dt', {}, 'Awarded'), el('dd', {}, formatDate(enrolment.awardedOn))] : null,
    enrolment.ilmReference ? [el('dt', {}, 'ILM reference'), el('dd', {}, enrolment.ilmReference)] : null);
}

/** Replaces host's message with a success notice that takes focus, so that screen readers read it out. */
export function showMessage(host, message, { problem = false } = {}) {
  host.replaceChildren();
  if (!message) return;
  const notice = el('p', { class: `notice ${problem ? 'error' : 'success'}`, role: problem ? 'alert' : 'status',
    tabindex: '-1' }, message);
  host.append(notice);
  notice.focus();
}

/** Observations of the candidate's workshops, each titled with its workshop (from the portfolio's workshops). */
export function observationList(observations, workshops) {
  if (!observations.length) return el('p', {}, 'No observation is recorded yet.');
  const titles = new Map((workshops || []).map(w => [w.meetingId, w.title]));
  return el('ul', { class: 'stack', 'data-testid': 'observations' }, observations.map(o => el('li', { class: 'card' },
    el('h3', {}, `${titles.get(o.meetingId) || 'A workshop'}, observed ${formatDate(o.observedOn)}`),
    el('p', {}, el('span', { class: `tag ${o.counts ? 'met' : ''}` }, o.counts ? 'Counts towards the award'
      : 'Does not count')),
    el('h4', {}, 'What was seen'), el('p', { class: 'evidence' }, o.seen),
    el('h4', {}, 'Feedback'), el('p', { class: 'evidence' }, o.feedback))));
}

/**
 * A peer assessor's observation of a workshop the candidate led.
 * @param workshops the candidate's workshops (those they led are offered), or null when they could not be loaded
 * @param prefix makes the form's ids unique on the page
 */
export function observationForm(enrolmentId, workshops, prefix, onRecorded) {
  const led = (workshops || []).filter(w => (w.role || 'LEAD_FACILITATOR') === 'LEAD_FACILITATOR');
  const titleId = `${prefix}-title`;
  const form = el('form', { class: 'stacked', id: `${prefix}-form`, 'aria-labelledby': titleId },
    el('h3', { id: titleId }, 'Record an observation'),
    led.length
      ? field(prefix, 'meetingId', 'Workshop the candidate led', { required: true,
        options: [['', 'Choose the workshop'], ...led.map(w => [w.meetingId,
          `${w.title}, ${formatDateTime(w.startsAt)}${w.observed ? ' (already observed)' : ''}`])] })
      : el('p', { class: 'notice' }, workshops === null ? 'The candidate\'s workshops are not available just now.'
        : 'The candidate has led no workshop recorded in the exchange yet: an observation is of a workshop they led.'),
    field(prefix, 'observedOn', 'Date of the observation', { type: 'date', required: true, value: today(),
      attributes: { max: today() } }),
    field(prefix, 'seen', 'What you saw', { type: 'textarea', rows: 5, required: true,
      attributes: { maxlength: 10000 } }),
    field(prefix, 'feedback', 'Your feedback to the candidate', { type: 'textarea', rows: 5, required: true,
      attributes: { maxlength: 10000 } }),
    field(prefix, 'counts', 'This observation counts towards the award', { type: 'checkbox', value: true }),
    el('p', {}, el('button', { type: 'submit', disabled: !led.length }, 'Record the observation')));
  // the observation is usually of the day the workshop took place
  form.elements.namedItem('meetingId')?.addEventListener('change', event => {
    const workshop = led.find(w => w.meetingId === event.target.value);
    if (workshop) {
      form.elements.namedItem('observedOn').value = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
        .format(new Date(workshop.startsAt));
    }
  });
  onSubmit(form, async values => {
    await api(`${API}/enrolments/${encodeURIComponent(enrolmentId)}/observations`, { method: 'POST', body: {
      meetingId: values.meetingId, observedOn: values.observedOn, seen: values.seen, feedback: values.feedback,
      counts: values.counts } });
    await onRecorded();
  });
  return form;
}
