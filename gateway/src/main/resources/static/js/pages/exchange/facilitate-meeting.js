// Running one meeting (those who run it): who registered and who waits, recording attendance with each person's role
// and minutes, corrections with their reason and the history of every line, rescheduling and cancelling.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDateTime, announce } from '../../dom.js';
import { field, onSubmit, showErrors, failed, done, words, when, where, param, table, loadOrStop, fill, meetingPlaces, meetingState } from './common.js';
import { whenFields, whenBody, venueChoices } from './meeting-form.js';

const me = await shell({ signInRequired: true });
const host = document.getElementById('page');
let meeting = await loadOrStop(host, `/api/exchange/meetings/${encodeURIComponent(param('id') || '')}`, 'This meeting');
document.title = `${meeting.title} - Facilitate - Exchange`;
document.getElementById('title').textContent = meeting.title;

const ROLES = ['ATTENDEE', 'FACILITATOR', 'LEAD_FACILITATOR', 'OBSERVER'];
const facts = el('div', { id: 'facts' });
const registrations = el('div', { id: 'registrations' }, el('p', {}, 'Loading…'));
const attendance = el('div', { id: 'attendance' }, el('p', {}, 'Loading…'));
const recorded = el('div', { id: 'recorded' });
const changes = el('div', { id: 'changes' });
fill(host, 
  meeting.groupId ? el('p', {}, el('a', { href: `/facilitate/group.html?id=${meeting.groupId}` }, 'Back to the group')) : null,
  facts,
  el('h2', {}, 'Registrations'), registrations,
  el('h2', {}, 'Attendance'), recorded, attendance,
  el('h2', {}, 'Change the meeting'), changes);

const minutesLong = () => Math.round((new Date(meeting.endsAt) - new Date(meeting.startsAt)) / 60000);

function renderFacts() {
  fill(facts, el('dl', { class: 'facts' },
    el('dt', {}, 'Kind'), el('dd', {}, words(meeting.kind)),
    el('dt', {}, 'When'), el('dd', { 'data-testid': 'meeting-when' }, when(meeting)),
    el('dt', {}, 'Where'), el('dd', {}, where(meeting)),
    el('dt', {}, 'Places'), el('dd', { 'data-testid': 'meeting-places' }, meetingPlaces(meeting, 'on the waitlist')),
    el('dt', {}, 'Status'), el('dd', { 'data-testid': 'meeting-status' }, meetingState(meeting)
      + (meeting.cancelReason ? `: ${meeting.cancelReason}` : ''))));
}

async function people() {
  const [registered, lines, members, guests] = await Promise.all([
    api(`/api/exchange/meetings/${meeting.id}/registrations`),
    api(`/api/exchange/meetings/${meeting.id}/attendance`),
    meeting.groupId ? api(`/api/exchange/groups/${meeting.groupId}/members`).catch(() => []) : [],
    api(`/api/exchange/meetings/${meeting.id}/guests`)]);
  const everyone = new Map();
  for (const m of members.filter(m => m.place === 'CONFIRMED')) everyone.set(m.practitionerId, { name: m.displayName });
  for (const r of registered) everyone.set(r.practitionerId, { ...everyone.get(r.practitionerId), name: r.displayName, place: r.place });
  for (const line of lines) everyone.set(line.practitionerId, { ...everyone.get(line.practitionerId), name: line.displayName, line });
  return { registered, lines, everyone, guests };
}

async function render() {
  renderFacts();
  let found;
  try {
    found = await people();
  } catch (error) {
    failed(registrations, error, 'The registrations');
    fill(attendance);
    return;
  }
  const { registered, lines, everyone, guests } = found;
  const name = (id, known) => known || `Practitioner ${id.slice(0, 8)}`;
  fill(registrations, registered.length
    ? table('Registrations, in order', ['Name', 'Place', 'Since'],
        registered.map(r => [name(r.practitionerId, r.displayName), words(r.place), formatDateTime(r.since)]),
        { captionHidden: true })
    : el('p', {}, 'Nobody has registered yet.'));
  fill(recorded, lines.length
    ? [table('Attendance recorded', ['Name', 'Role', 'Minutes', 'Recorded'],
        lines.map(l => [name(l.practitionerId, l.displayName), words(l.role), String(l.minutes),
          formatDateTime(l.recordedAt) + (l.recordedAfterwards ? ' (recorded afterwards)' : '')])),
      ...lines.map(l => history(l, name(l.practitionerId, l.displayName)))]
    : el('p', {}, 'No attendance recorded yet.'),
    guests.length ? table('Guests (no CPD hours)', ['Name', 'Role', 'Minutes'],
      guests.map(g => [g.displayName, words(g.role), String(g.minutes)])) : null);
  if (meeting.status === 'CANCELLED') {
    fill(attendance, el('p', {}, 'A cancelled meeting has no attendance.'));
    return;
  }
  if (new Date(meeting.startsAt).getTime() > Date.now()) {
    fill(attendance, el('p', {}, `Attendance is recorded once the meeting has started, on ${when(meeting)}.`));
    return;
  }
  fill(attendance, attendanceForm([...everyone.entries()].map(([id, p]) => ({ id, ...p, name: name(id, p.name) }))),
    guestForm());
}

// Someone neither in the group nor registered is recorded by name, as a guest: on the register, with no CPD hours.
function guestForm() {
  const form = el('form', { id: 'guest-form', class: 'stacked' },
    el('h3', {}, 'Record a guest'),
    el('p', { class: 'hint' }, 'For someone who is neither in the group nor registered. Guests earn no CPD hours.'),
    field('guest', 'name', "Guest's name", { required: true }),
    field('guest', 'role', "Guest's role", { options: ROLES.map(role => [role, words(role)]), value: 'ATTENDEE' }),
    field('guest', 'minutes', 'Minutes attended', { type: 'number', value: minutesLong(),
      attributes: { min: 0, max: minutesLong(), inputmode: 'numeric' } }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Record the guest')));
  const saved = el('div', { id: 'guest-saved' });
  onSubmit(form, async values => {
    await api(`/api/exchange/meetings/${meeting.id}/attendance`, { method: 'PUT',
      body: { guests: [{ name: values.name, role: values.role, minutes: Number(values.minutes || 0) }] } });
    await render();
    done(document.getElementById('guest-saved') || saved, `${values.name} is recorded as a guest.`);
  });
  return el('div', {}, saved, form);
}

function attendanceForm(rows) {
  if (!rows.length) return el('p', {}, 'Nobody is in the group or registered for this meeting.');
  const form = el('form', { id: 'attendance-form', class: 'stacked' },
    el('p', { class: 'hint', id: 'attendance-hint' }, `Choose each person's role and the minutes they attended, out of `
      + `${minutesLong()}. Leave the role as "Not recorded" for someone who did not come. A change to a recorded line is a `
      + 'correction: give the reason, and it is kept in the history.'),
    el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Who attended' },
      el('table', {},
        el('caption', { class: 'visually-hidden' }, 'Who attended'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'Role'),
          el('th', { scope: 'col' }, 'Minutes attended'))),
        el('tbody', {}, rows.map((row, index) => el('tr', {},
          el('th', { scope: 'row', id: `person-${index}` }, row.name,
            row.place ? el('span', { class: 'muted' }, ` (${words(row.place).toLowerCase()})`) : null),
          el('td', {},
            el('label', { for: `role-${index}`, class: 'visually-hidden' }, `Role of ${row.name}`),
            el('select', { id: `role-${index}`, name: `role-${index}`, 'data-label': `Role of ${row.name}` },
              el('option', { value: '' }, 'Not recorded'),
              ROLES.map(role => el('option', { value: role, selected: row.line?.role === role }, words(role))))),
          el('td', {},
            el('label', { for: `minutes-${index}`, class: 'visually-hidden' }, `Minutes ${row.name} attended`),
            el('input', { type: 'number', id: `minutes-${index}`, name: `minutes-${index}`, min: 0, max: minutesLong(),
              inputmode: 'numeric', class: 'minutes', 'data-label': `Minutes ${row.name} attended`,
              value: row.line ? row.line.minutes : minutesLong() }))))))),
    field('attendance', 'correctionReason', 'Reason for a correction', { type: 'textarea', conditional: true,
      hint: 'Needed when you change attendance recorded before.' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Save attendance')));
  // a change to a line recorded before is a correction, and a correction needs its reason: required from then on
  const reason = form.elements.namedItem('correctionReason');
  const corrects = () => rows.some((row, index) => row.line
    && (form.elements.namedItem(`role-${index}`).value !== row.line.role
      || Number(form.elements.namedItem(`minutes-${index}`).value) !== Number(row.line.minutes)));
  for (const type of ['input', 'change']) form.addEventListener(type, () => { reason.required = corrects(); });
  const saved = el('div', { id: 'attendance-saved' });
  onSubmit(form, async values => {
    const attendees = rows.map((row, index) => ({ row, index })).filter(({ index }) => values[`role-${index}`])
      .map(({ row, index }) => ({ practitionerId: row.id, role: values[`role-${index}`],
        minutes: Number(values[`minutes-${index}`] || 0) }));
    if (!attendees.length) {
      showErrors(form, { 'role-0': 'Choose the role of at least one person who attended' });
      return;
    }
    await api(`/api/exchange/meetings/${meeting.id}/attendance`, { method: 'PUT',
      body: { attendees, correctionReason: values.correctionReason || null } });
    // the meeting's facts now count who attended
    meeting = await api(`/api/exchange/meetings/${meeting.id}`);
    renderFacts();
    await render();
    done(document.getElementById('attendance-saved') || saved, `Attendance saved for ${attendees.length} `
      + `${attendees.length === 1 ? 'person' : 'people'}.`);
  });
  return el('div', {}, saved, form);
}

function history(line, name) {
  const list = el('div', {});
  const details = el('details', { class: 'history' }, el('summary', {}, `History of ${name}'s attendance`), list);
  details.addEventListener('toggle', async () => {
    if (!details.open) return;
    try {
      const revisions = await api(`/api/exchange/meetings/${meeting.id}/attendance/${line.practitionerId}/history`);
      fill(list, el('ol', {}, revisions.map(r => el('li', {},
        `${formatDateTime(r.recordedAt)}: ${words(r.role)}, ${r.minutes} minutes`,
        r.correction ? el('span', {}, ' — correction: ', el('q', {}, r.reason)) : ' — first record'))));
    } catch (error) {
      failed(list, error, 'The history');
    }
  });
  return details;
}

async function renderChanges() {
  if (meeting.status === 'CANCELLED' || new Date(meeting.startsAt).getTime() <= Date.now()) {
    fill(changes, el('p', {}, meeting.status === 'CANCELLED' ? 'This meeting is cancelled.'
      : 'A meeting that has started cannot be rescheduled or cancelled.'));
    return;
  }
  const message = el('div', { id: 'changed' });
  const venues = await venueChoices();
  const reschedule = el('form', { id: 'reschedule', class: 'stacked' },
    el('h3', {}, 'Reschedule'),
    ...whenFields('reschedule', venues, meeting),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Reschedule the meeting')));
  onSubmit(reschedule, async values => {
    meeting = await api(`/api/exchange/meetings/${meeting.id}/reschedule`, { method: 'POST', body: whenBody(values) });
    renderFacts();
    await renderChanges();
    done(document.getElementById('changed'), `Rescheduled to ${when(meeting)}. The people registered are told.`);
  });
  const cancel = el('form', { id: 'cancel', class: 'stacked' },
    el('h3', {}, 'Cancel'),
    field('cancel', 'reason', 'Why it is cancelled', { type: 'textarea', hint: 'The people registered are told.' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'danger' }, 'Cancel the meeting')));
  onSubmit(cancel, async values => {
    meeting = await api(`/api/exchange/meetings/${meeting.id}/cancel`, { method: 'POST', body: { reason: values.reason || null } });
    await render();
    await renderChanges();
    announce('The meeting is cancelled. The people registered are told.');
  });
  fill(changes, message, reschedule, cancel);
}

await render();
await renderChanges();
