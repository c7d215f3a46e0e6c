// One group for a signed-in person: what it explores, joining or leaving it, its meetings with registration and the
// waitlist, its calendar feed, its action research (trials and observations) and its published outcomes.
import { shell, hasRole } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDate, formatDateTime, announce } from '../../dom.js';
import { field, onSubmit, failed, words, param, isoToday, tell, joinGroup, leaveGroup, loadOrStop, fill, areaName } from './common.js';
import { meetingCard } from './meeting-card.js';
import { renderSeriesRegistration } from './series-registration.js';

const me = await shell({ signInRequired: true });
const host = document.getElementById('page');
const id = param('id');

const status = el('div', { id: 'group-status', role: 'status' });
let group = await loadOrStop(host, `/api/exchange/groups/${encodeURIComponent(id || '')}`, 'This group');
document.title = `${group.name} - Groups - Exchange`;
document.getElementById('title').textContent = group.name;

const about = el('div', { id: 'about' });
const membership = el('div', { id: 'membership' });
const meetings = el('div', { id: 'meetings' }, el('p', {}, 'Loading…'));
const series = el('div', { id: 'series' });
const research = el('div', { id: 'research' }, el('p', {}, 'Loading…'));
const outcomes = el('div', { id: 'outcomes' }, el('p', {}, 'Loading…'));
const calendarUrl = new URL(`/api/exchange/calendar/groups/${group.id}.ics`, location.origin).href;
fill(host, 
  status, about, membership,
  el('h2', {}, 'Meetings'), series, meetings,
  el('p', {}, 'Add the group\'s meetings to your calendar: ',
    el('a', { href: calendarUrl, 'data-testid': 'group-calendar' }, 'the group\'s calendar feed (iCalendar)'), '.'),
  el('h2', {}, 'Action research'), research,
  el('h2', {}, 'Outcomes'), outcomes);

let mine = false;
let runs = false;
/** The group's discussion space among the person's, with their unread posts; null when they do not take part. */
let discussion = null;

async function refresh() {
  [group, mine, runs, discussion] = await Promise.all([
    api(`/api/exchange/groups/${group.id}`),
    api('/api/exchange/me/groups').then(list => list.some(g => g.id === group.id)).catch(() => false),
    hasRole(me, 'facilitator', 'programme-admin')
      ? api(`/api/exchange/groups/${group.id}/members`).then(() => true).catch(() => false) : false,
    api('/api/exchange/me/discussions').then(list => list.find(s => s.groupId === group.id) || null)
      .catch(() => null)]);
  renderAbout();
  await Promise.all([renderSeries(), renderMeetings(), renderResearch(), renderOutcomes()]);
}

function renderAbout() {
  let network = '';
  fill(about, 
    el('p', { class: 'lead' }, group.challenge),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Status'), el('dd', { 'data-testid': 'group-status' }, words(group.status)),
      el('dt', {}, 'Kind'), el('dd', {}, words(group.kind)),
      el('dt', {}, 'Subject area'), el('dd', {}, areaName(group.area)),
      el('dt', {}, 'Network'), network = el('dd', {}, '…'),
      el('dt', {}, 'Runs'), el('dd', {}, `${formatDate(group.plannedStart)} to ${formatDate(group.plannedEnd)}`),
      el('dt', {}, 'Places'), el('dd', { 'data-testid': 'group-places' },
        `${group.members} of ${group.capacity} taken, ${group.placesLeft} left`
        + (group.waitlisted ? `, ${group.waitlisted} on the waitlist` : ''))));
  api(`/api/exchange/networks/${group.networkId}`).then(n => { network.textContent = n.name; })
    .catch(() => { network.textContent = 'Not known'; });
  const accepts = group.status === 'FORMING' || group.status === 'ACTIVE';
  fill(membership, 
    runs ? el('p', {}, el('a', { class: 'button', href: `/facilitate/group.html?id=${group.id}` }, 'Run this group')) : null,
    discussion || runs ? el('p', {}, el('a', { class: 'button secondary', href: `/groups/discussion.html?group=${group.id}`,
      'data-testid': 'group-discussion' }, 'Discussion', discussion?.unread ? ` (${discussion.unread} unread)` : ''),
      ' The members\' and facilitators\' place to talk between meetings.') : null,
    mine ? el('p', { 'data-testid': 'my-place' }, 'You are in this group, or on its waitlist.') : null,
    accepts && !runs ? el('div', { class: 'actions' }, mine
      ? el('button', { type: 'button', class: 'secondary', onclick: leave }, 'Leave the group')
      : el('button', { type: 'button', onclick: join }, group.placesLeft > 0 ? 'Join the group' : 'Join the waitlist'))
      : null);
}

async function join() {
  await tell(status, () => joinGroup(group), 'Joining failed; try again.');
  await refresh();
}

async function leave() {
  await tell(status, () => leaveGroup(group), 'Leaving failed; try again.');
  await refresh();
}

async function renderMeetings() {
  let list;
  let registered;
  try {
    [list, registered] = await Promise.all([
      api(`/api/exchange/meetings?groupId=${group.id}&includePast=true&includeCancelled=true&limit=200`),
      api('/api/exchange/me/registrations')]);
  } catch (error) {
    failed(meetings, error, 'The meetings');
    return;
  }
  const places = new Map(registered.map(r => [r.meeting.id, r.place]));
  if (!list.length) {
    fill(meetings, el('p', {}, 'No meetings are planned yet.'));
    return;
  }
  fill(meetings, el('ol', { class: 'stack', 'data-testid': 'meetings' }, list.map(meeting =>
    meetingCard(meeting, places.get(meeting.id), { canRegister: mine || runs, runs, status, changed: renderMeetings }))));
}

/** Registering for all of the group's meetings at once, for its members and facilitators (a programme admin is neither). */
async function renderSeries() {
  if (!mine) {
    fill(series);
    return;
  }
  await renderSeriesRegistration(series, group, { status, changed: refresh });
}

async function renderResearch() {
  if (!mine && !runs) {
    fill(research, el('p', {}, 'The group\'s members record here the methods they try and what they observe.'));
    return;
  }
  let log;
  try {
    log = await api(`/api/exchange/groups/${group.id}/research`);
  } catch (error) {
    failed(research, error, 'The action research');
    return;
  }
  const trialForm = el('form', { id: 'trial', class: 'stacked' },
    field('trial', 'method', 'Method you are trying', { required: true,
      hint: 'For example: peer assessment with success criteria.' }),
    field('trial', 'aim', 'What you hope it changes', { type: 'textarea', required: true }),
    field('trial', 'startedOn', 'Started on', { type: 'date', required: true, value: isoToday() }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Record the trial')));
  onSubmit(trialForm, async values => {
    await api(`/api/exchange/groups/${group.id}/research/trials`, { method: 'POST', body: values });
    announce('Trial recorded.');
    await renderResearch();
  });
  fill(research, 
    log.trials.length ? el('ol', { class: 'stack' }, log.trials.map(({ trial, observations }) => el('li', { class: 'card' },
      el('h3', {}, trial.method),
      el('p', {}, `Started ${formatDate(trial.startedOn)}. Aim: ${trial.aim}`),
      observations.length ? el('ul', {}, observations.map(o => el('li', {},
        el('strong', {}, formatDate(o.observedOn)), `: ${o.observation}`))) : el('p', {}, 'No observations yet.'),
      recording() ? observationForm(trial) : null)))
      : el('p', {}, 'No trials recorded yet.'),
    log.evaluations.length ? [el('h3', {}, 'What works: the group\'s evaluation'),
      el('ul', { class: 'stack' }, log.evaluations.map(e => el('li', { class: 'card' },
        el('p', {}, el('strong', {}, 'What works: '), e.whatWorks),
        e.whatDidNot ? el('p', {}, el('strong', {}, 'What did not: '), e.whatDidNot) : null,
        e.nextSteps ? el('p', {}, el('strong', {}, 'Next steps: '), e.nextSteps) : null,
        el('p', { class: 'muted' }, `Recorded ${formatDateTime(e.recordedAt)}`))))] : null,
    el('h3', {}, 'Record a trial'),
    recording() ? trialForm : el('p', {}, 'Members record trials and observations while the group is active or reporting.'));
}

/** Action research is recorded while the group meets and writes up. */
function recording() {
  return group.status === 'ACTIVE' || group.status === 'REPORTING';
}

function observationForm(trial) {
  const formId = `observe-${trial.id}`;
  const form = el('form', { id: formId, class: 'stacked' },
    field(formId, 'observation', `What you observed in "${trial.method}"`, { type: 'textarea', required: true }),
    field(formId, 'observedOn', 'Observed on', { type: 'date', required: true, value: isoToday() }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'secondary' }, 'Record the observation')));
  onSubmit(form, async values => {
    await api(`/api/exchange/research/trials/${trial.id}/observations`, { method: 'POST', body: values });
    announce('Observation recorded.');
    await renderResearch();
  });
  return form;
}

async function renderOutcomes() {
  try {
    const page = await api(`/api/exchange/outcomes?networkId=${group.networkId}&size=100`);
    const ours = page.items.filter(item => item.groupId === group.id);
    fill(outcomes, ours.length
      ? el('ul', {}, ours.map(item => el('li', {},
          el('a', { href: `/library.html?outcome=${item.id}` }, item.title), ` (${words(item.kind)}, published `
          + `${formatDate(item.publishedAt)})`)))
      : el('p', {}, 'The group has not published an outcome yet.'));
  } catch (error) {
    failed(outcomes, error, 'The outcomes');
  }
}

await refresh();
