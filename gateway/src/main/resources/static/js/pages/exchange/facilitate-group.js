// Running one group (its facilitators, programme admins): its lifecycle with the programme's rules, its members, its
// meetings and scheduling new ones, recording meetings that already took place (programme history), the group's
// evaluation of what works, the outcome draft (replies marked what works in its discussion, quoted with their
// authors), and publishing its outcome (now, or dated when it came out). What the group is stays in view; what a
// facilitator does is in sections that open one at a time (js/guided.js), a save's message in its own section.
import { shell, hasRole } from '../../shell.js';
import { api, ApiError } from '../../api.js';
import { el, formatDate, formatDateTime, announce } from '../../dom.js';
import { field, onSubmit, failed, done, words, when, where, param, table, loadOrStop, fill, meetingPlaces, meetingState } from './common.js';
import { whenFields, whenBody, venueChoices } from './meeting-form.js';
import { meetingBatchForm } from './meeting-batch-form.js';
import { guidedSections } from '../../guided.js';

const me = await shell({ signInRequired: true });
const host = document.getElementById('page');
const id = param('id');
let group = await loadOrStop(host, `/api/exchange/groups/${encodeURIComponent(id || '')}`, 'This group');
document.title = `Run ${group.name} - Facilitate - Exchange`;
document.getElementById('title').textContent = `Run ${group.name}`;

const lifecycle = el('div', { id: 'lifecycle' });
const members = el('div', { id: 'members' }, el('p', {}, 'Loading…'));
const meetings = el('div', { id: 'meetings' }, el('p', {}, 'Loading…'));
const scheduled = el('div', { id: 'scheduled' });
const recordedPast = el('div', { id: 'recorded-past' });
const scheduledTogether = el('div', { id: 'scheduled-together' });
const published = el('div', { id: 'published' });
const evaluated = el('div', { id: 'evaluated' });
const draft = el('div', { id: 'outcome-draft', 'data-testid': 'outcome-draft' });
// what the group is (its lifecycle, members, meetings) stays in view; what a facilitator does opens one at a time
const sections = guidedSections([
  { id: 'schedule-meeting', title: 'Schedule a meeting', content: [scheduled, await scheduleForm()] },
  { id: 'schedule-several', title: 'Schedule several meetings at once', content: [scheduledTogether,
    meetingBatchForm(group, await venueChoices(), { host: scheduledTogether, changed: () => refresh() })] },
  { id: 'record-past-meeting', title: 'Record a meeting that took place', content: [recordedPast, await pastMeetingForm()] },
  { id: 'outcome', title: 'Publish the group\'s outcome', content: [
    el('h3', { id: 'outcome-draft-heading', tabindex: '-1' }, 'Outcome draft: what works, from the discussion'), draft,
    el('h3', {}, 'Publish it'), published, publishForm()] },
  { id: 'what-works', title: 'Record what works', content: [evaluated, evaluationForm()] },
  hasRole(me, 'programme-admin') ? { id: 'add-facilitator', title: 'Add a facilitator', content: [facilitatorForm()] }
    : null].filter(Boolean));
fill(host,
  el('p', {}, el('a', { href: `/groups/group.html?id=${group.id}` }, 'The group as members see it'), ' · ',
    el('a', { href: '/facilitate/groups.html' }, 'All the groups you facilitate')),
  el('h2', {}, 'Lifecycle'), lifecycle,
  el('h2', {}, 'Members and waitlist'), members,
  el('h2', {}, 'Meetings'), meetings,
  sections.element);

/** A save's message in its section, which stays open with focus on the message. */
function toldInSection(messageHost, message) {
  done(messageHost, message);
  sections.reveal(messageHost.firstElementChild);
}

await renderDraft();

const NEXT = {
  PROPOSED: { action: 'open', label: 'Open for members', admin: true,
    rule: 'A programme admin accepts the proposal; the group then recruits members.' },
  FORMING: { action: 'activate', label: 'Activate the group',
    rule: 'A group becomes active only with a facilitator and at least four meetings planned inside its planned span.' },
  ACTIVE: { action: 'reporting', label: 'Start reporting',
    rule: 'When the group has met, it writes up and publishes its outcome.' },
  REPORTING: { action: 'close', label: 'Close the group',
    rule: 'A group closes only after it held at least four meetings and published its outcome.' }
};

function renderLifecycle(message) {
  const next = NEXT[group.status];
  fill(lifecycle, 
    el('p', {}, 'The group is ', el('strong', { 'data-testid': 'group-status' }, words(group.status).toLowerCase()),
      `: ${group.members} of ${group.capacity} places taken, ${group.waitlisted} waiting; planned from `
      + `${formatDate(group.plannedStart)} to ${formatDate(group.plannedEnd)}.`),
    message || null,
    next && (!next.admin || hasRole(me, 'programme-admin')) ? [
      el('p', { class: 'hint', id: 'lifecycle-rule' }, next.rule),
      el('button', { type: 'button', 'aria-describedby': 'lifecycle-rule', onclick: () => move(next) }, next.label)]
      : null);
}

async function move(next) {
  try {
    group = await api(`/api/exchange/groups/${group.id}/${next.action}`, { method: 'POST' });
    const text = `The group is now ${words(group.status).toLowerCase()}.`;
    renderLifecycle(el('p', { class: 'notice success', role: 'status' }, text));
    announce(text);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    renderLifecycle(el('p', { class: 'notice error', role: 'alert', 'data-testid': 'lifecycle-problem' },
      `${next.label}: not yet. ${error.message}`));
  }
}

async function renderMembers() {
  try {
    const list = await api(`/api/exchange/groups/${group.id}/members`);
    fill(members, list.length
      ? table('Members and waitlist, in order of joining', ['Name', 'Place', 'Since'],
          list.map(m => [m.displayName || 'Name not known yet', words(m.place), formatDateTime(m.since)]),
          { captionHidden: true })
      : el('p', {}, 'Nobody has joined yet.'));
  } catch (error) {
    failed(members, error, 'The members');
  }
}

async function renderMeetings() {
  try {
    const list = await api(`/api/exchange/meetings?groupId=${group.id}&includePast=true&includeCancelled=true&limit=200`);
    fill(meetings, list.length
      ? table('The group\'s meetings', ['Meeting', 'When', 'Where', 'Places', 'Status', 'Run it'],
          list.map(m => [m.title, when(m), where(m), meetingPlaces(m), meetingState(m),
          el('a', { href: `/facilitate/meeting.html?id=${m.id}` }, 'Attendance and changes',
            el('span', { class: 'visually-hidden' }, ` for ${m.title}`))]), { captionHidden: true })
      : el('p', {}, 'No meetings yet. A group needs at least four planned inside its span to become active.'));
  } catch (error) {
    failed(meetings, error, 'The meetings');
  }
}

async function scheduleForm() {
  return meetingForm({ id: 'schedule', path: '/api/exchange/meetings', button: 'Schedule the meeting',
    example: 'For example: Meeting 2, trying out peer assessment.', purpose: 'What the meeting is for',
    told: meeting => toldInSection(scheduled, `Scheduled "${meeting.title}" on ${when(meeting)}.`) });
}

/** A meeting that already took place, recorded afterwards as programme history; its attendance is recorded next. */
async function pastMeetingForm() {
  return meetingForm({ id: 'past', path: '/api/exchange/meetings/past', button: 'Record the meeting',
    example: 'For example: Meeting 1, sharing what we tried.', purpose: 'What the meeting was for',
    hint: 'For a meeting that already happened and was not scheduled here: it is recorded as programme history, '
      + 'marked as recorded afterwards by you, today. A programme admin records any date; a facilitator the meetings '
      + 'of their own group up to 30 days after them. Record who attended next, on the meeting\'s page.',
    told: meeting => {
      fill(recordedPast, el('p', { class: 'notice success', role: 'status' },
        `Recorded "${meeting.title}" on ${when(meeting)}, as recorded afterwards: `,
        el('a', { href: `/facilitate/meeting.html?id=${meeting.id}` }, 'record who attended'), '.'));
      announce(`Recorded ${meeting.title}.`);
      sections.reveal(recordedPast.firstElementChild);
    } });
}

/** A form for one of the group's meetings: its title, purpose, when and where, and places. */
async function meetingForm({ id: formId, path, button, example, purpose, hint, told }) {
  const venues = await venueChoices();
  const form = el('form', { id: formId, class: 'stacked' },
    hint ? el('p', { class: 'hint' }, hint) : null,
    field(formId, 'title', 'Title', { required: true, hint: example }),
    field(formId, 'description', purpose, { type: 'textarea' }),
    ...whenFields(formId, venues),
    field(formId, 'capacity', 'Places', { type: 'number', required: true, value: group.capacity,
      attributes: { min: 1, max: 5000, inputmode: 'numeric' } }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, button)));
  onSubmit(form, async values => {
    const meeting = await api(path, { method: 'POST', body: {
      kind: 'GROUP_MEETING', groupId: group.id, networkId: group.networkId, title: values.title,
      description: values.description || null, when: whenBody(values), capacity: Number(values.capacity) } });
    form.reset();
    told(meeting);
    await refresh();
  });
  return form;
}

function publishForm() {
  const form = el('form', { id: 'publish', class: 'stacked' },
    el('p', { class: 'hint' }, 'A group publishes its outcome while it is active or reporting. It appears in the public '
      + 'outcomes library at once, for anyone to find without signing in.'),
    field('publish', 'kind', 'Kind', { required: true,
      options: [['REPORT', 'Report'], ['CASE_STUDY', 'Case study'], ['RESOURCE', 'Resource'], ['OTHER', 'Other']] }),
    field('publish', 'title', 'Title', { required: true }),
    field('publish', 'summary', 'Summary', { type: 'textarea', required: true }),
    field('publish', 'authorNames', 'Authors', { required: true,
      hint: 'Names as they should appear in the library, separated by commas.' }),
    field('publish', 'subjectArea', 'Subject area', { required: true, value: group.area }),
    field('publish', 'licence', 'Licence', { required: true, value: 'CC BY 4.0' }),
    field('publish', 'linkUrl', 'Link to the file or page', { type: 'url', required: true,
      hint: 'An address starting with https://' }),
    field('publish', 'publishedOn', 'Date it came out', { type: 'date',
      hint: 'Only for an outcome that came out earlier: it is listed in the library under that date, marked as '
        + 'recorded afterwards. Leave empty to publish it today.' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Publish the outcome')));
  onSubmit(form, async values => {
    const past = Boolean(values.publishedOn);
    const outcome = await api(past ? '/api/exchange/outcomes/past' : '/api/exchange/outcomes', { method: 'POST', body: {
      groupId: group.id, networkId: group.networkId, kind: values.kind, title: values.title, summary: values.summary,
      authorNames: values.authorNames.split(',').map(name => name.trim()).filter(Boolean),
      subjectArea: values.subjectArea, licence: values.licence, linkUrl: values.linkUrl,
      ...(past ? { publishedOn: values.publishedOn } : {}) } });
    form.reset();
    fill(published, el('p', { class: 'notice success', role: 'status' }, `Published "${outcome.title}": `,
      el('a', { href: `/library.html?outcome=${outcome.id}` }, 'see it in the outcomes library'), '.'));
    announce(`Published ${outcome.title}.`);
    sections.reveal(published.firstElementChild);
  });
  return form;
}

/**
 * The group's outcome draft: replies its facilitators carried in from the discussion (from a reply marked what works),
 * quoted with who said it; "Use in the summary" adds a quotation to the publish form's summary. Nothing is published
 * until the form is sent.
 */
async function renderDraft(message) {
  let current;
  try {
    current = await api(`/api/exchange/groups/${group.id}/outcome-draft`);
  } catch (error) {
    failed(draft, error, 'The outcome draft');
    return;
  }
  const summary = () => document.getElementById('publish-summary');
  fill(draft, message || null, current.items.length
    ? el('ol', { class: 'stack' }, current.items.map((item, index) => el('li', { class: 'card' },
        el('blockquote', {}, item.quote.split(/\n\s*\n/).map(paragraph => el('p', {}, paragraph))),
        el('p', {}, '\u2014 ', item.attribution),
        el('div', { class: 'actions' },
          el('button', { type: 'button', class: 'secondary', onclick: () => {
            const quoted = current.markdown.split('\n\n')[index];
            summary().value = summary().value.trim() ? `${summary().value.trim()}\n\n${quoted}` : quoted;
            announce(`The quotation from ${item.attribution} is added to the summary.`);
            summary().focus();
          } }, 'Use in the summary', el('span', { class: 'visually-hidden' }, ` (quotation ${index + 1})`)),
          el('button', { type: 'button', class: 'linklike', onclick: async () => {
            try {
              await api(`/api/exchange/groups/${group.id}/outcome-draft/items/${item.id}`, { method: 'DELETE' });
            } catch (error) {
              failed(draft, error, 'Taking the quotation out');
              return;
            }
            await renderDraft(el('p', { class: 'notice success', role: 'status' }, 'The quotation is taken out of the '
              + 'draft.'));
            document.getElementById('outcome-draft-heading').focus();
          } }, 'Take out of the draft', el('span', { class: 'visually-hidden' }, ` (quotation ${index + 1})`))))))
    : el('p', {}, 'Nothing yet. In the group\'s ', el('a', { href: `/groups/discussion.html?group=${group.id}` },
      'discussion'), ', mark a reply as what works, then "Add to the outcome draft"; it is quoted here with who '
      + 'said it, for you to use when you write up the outcome.'));
}

function evaluationForm() {
  const form = el('form', { id: 'evaluate', class: 'stacked' },
    field('evaluate', 'whatWorks', 'What works', { type: 'textarea', required: true }),
    field('evaluate', 'whatDidNot', 'What did not work', { type: 'textarea' }),
    field('evaluate', 'nextSteps', 'Next steps', { type: 'textarea' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Record the evaluation')));
  onSubmit(form, async values => {
    await api(`/api/exchange/groups/${group.id}/research/evaluations`, { method: 'POST', body: values });
    form.reset();
    toldInSection(evaluated, 'The group\'s evaluation is recorded with its action research.');
  });
  return form;
}

function facilitatorForm() {
  const message = el('div', { id: 'facilitator-added' });
  const form = el('form', { id: 'facilitator', class: 'stacked' },
    field('facilitator', 'practitionerId', 'The facilitator\'s practitioner id', { required: true,
      hint: 'Their platform id, as shown in the membership records.' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Add the facilitator')));
  onSubmit(form, async values => {
    group = await api(`/api/exchange/groups/${group.id}/facilitators`, { method: 'POST', body: values });
    form.reset();
    toldInSection(message, `The group now has ${group.facilitators} facilitator${group.facilitators === 1 ? '' : 's'}.`);
    renderLifecycle();
  });
  return el('div', {}, message, form);
}

async function refresh() {
  group = await api(`/api/exchange/groups/${group.id}`);
  renderLifecycle();
  await Promise.all([renderMembers(), renderMeetings()]);
}

await refresh();
