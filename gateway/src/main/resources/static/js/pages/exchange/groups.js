// Groups for the signed-in person: the groups they belong to, facilitate or wait to join; the groups open to join;
// their registrations for meetings; and the secret address of their own calendar feed.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDate, announce } from '../../dom.js';
import { AREAS, field, failed, words, when, where, tell, joinGroup, leaveGroup, fill } from './common.js';

await shell({ signInRequired: true });
const host = document.getElementById('page');

const status = el('div', { id: 'groups-status', role: 'status' });
const mine = el('div', { id: 'my-groups' }, el('p', {}, 'Loading…'));
const registrations = el('div', { id: 'my-registrations' }, el('p', {}, 'Loading…'));
const open = el('div', { id: 'open-groups' }, el('p', {}, 'Loading…'));
const areaFilter = field('groups', 'area', 'Subject area', {
  options: [['', 'Any subject area'], ...AREAS.map(area => [area, area])] });
fill(host, 
  el('p', { class: 'lead' }, 'Subject and thematic groups meet over 4 to 12 months to try out ideas in their own '
    + 'teaching and share what works. Join one that is forming or active.'),
  el('p', {}, 'Launch events, development days and dissemination events are open to everyone in a network: ',
    el('a', { href: '/groups/events.html' }, 'see the network events'), '.'),
  status,
  el('h2', {}, 'Your groups'), mine,
  el('h2', {}, 'Your meetings'), registrations,
  el('h2', {}, 'Groups you can join'),
  el('form', { id: 'groups-filter', class: 'stacked', onsubmit: e => e.preventDefault() }, areaFilter), open,
  el('h2', {}, 'Your calendar'), calendar());
areaFilter.querySelector('select').addEventListener('change', () => refresh());

let myGroupIds = new Set();

async function refresh() {
  let groups;
  try {
    groups = await api('/api/exchange/me/groups');
  } catch (error) {
    failed(mine, error, 'Your groups');
    groups = [];
  }
  myGroupIds = new Set(groups.map(group => group.id));
  fill(mine, groups.length
    ? el('ul', { class: 'cards', 'data-testid': 'my-groups' }, groups.map(group => el('li', { class: 'card' },
        el('h3', {}, el('a', { href: `/groups/group.html?id=${group.id}` }, group.name)),
        standing(group),
        summary(group),
        group.place && (group.status === 'FORMING' || group.status === 'ACTIVE')
          ? el('button', { type: 'button', class: 'secondary', onclick: () => leave(group) },
              group.place === 'WAITLISTED' ? 'Leave the waitlist' : 'Leave',
              el('span', { class: 'visually-hidden' }, ` ${group.name}`)) : null)))
    : el('p', {}, 'You are not in any group yet.'));
  await Promise.all([joinable(), meetings()]);
}

/** Where the person stands in one of their groups: facilitator, member, or waiting at a position. */
function standing(group) {
  const tags = [];
  if (group.facilitates) tags.push('You facilitate');
  if (group.place === 'CONFIRMED') tags.push('You are a member');
  if (group.place === 'WAITLISTED') tags.push(`On the waitlist: number ${group.waitlistPosition}`);
  return el('p', { 'data-testid': 'my-standing' }, tags.map(tag => el('span', { class: 'tag' }, tag)),
    group.place === 'WAITLISTED' ? ' You get a place when a member leaves.' : '');
}

function summary(group) {
  return el('p', {},
    el('span', { class: 'tag' }, words(group.status)), el('span', { class: 'tag' }, group.area), ' ',
    `${words(group.kind)}; ${group.members} of ${group.capacity} places taken`
      + (group.waitlisted ? `, ${group.waitlisted} waiting` : '')
      + `; ${formatDate(group.plannedStart)} to ${formatDate(group.plannedEnd)}.`);
}

async function joinable() {
  const area = areaFilter.querySelector('select').value;
  const filter = area ? `&area=${encodeURIComponent(area)}` : '';
  let groups;
  try {
    const [forming, active] = await Promise.all([
      api(`/api/exchange/groups?status=FORMING&limit=200${filter}`),
      api(`/api/exchange/groups?status=ACTIVE&limit=200${filter}`)]);
    groups = [...forming, ...active].filter(group => !myGroupIds.has(group.id));
  } catch (error) {
    failed(open, error, 'Groups');
    return;
  }
  fill(open, groups.length
    ? el('ul', { class: 'cards', 'data-testid': 'open-groups' }, groups.map(group => el('li', { class: 'card' },
        el('h3', {}, el('a', { href: `/groups/group.html?id=${group.id}` }, group.name)),
        el('p', {}, group.challenge),
        summary(group),
        el('button', { type: 'button', onclick: () => join(group) },
          group.placesLeft > 0 ? 'Join' : 'Join the waitlist', el('span', { class: 'visually-hidden' }, ` ${group.name}`)))))
    : el('p', {}, 'No groups are open to join just now.'));
}

async function meetings() {
  try {
    const mineNow = await api('/api/exchange/me/registrations');
    fill(registrations, mineNow.length
      ? el('ul', { class: 'stack' }, mineNow.map(({ meeting, place }) => el('li', { class: 'card' },
          el('h3', {}, meeting.groupId
            ? el('a', { href: `/groups/group.html?id=${meeting.groupId}#meeting-${meeting.id}` }, meeting.title)
            : meeting.title),
          el('p', {}, el('span', { class: 'tag' }, words(place)), ` ${when(meeting)}; ${where(meeting)}`))))
      : el('p', {}, 'You are not registered for any upcoming meeting.'));
  } catch (error) {
    failed(registrations, error, 'Your meetings');
  }
}

async function join(group) {
  await tell(status, () => joinGroup(group), 'Joining failed; try again.');
  await refresh();
}

async function leave(group) {
  await tell(status, () => leaveGroup(group), 'Leaving failed; try again.');
  await refresh();
}

/** The person's own calendar feed: a secret address that calendar clients subscribe to. */
function calendar() {
  const output = el('div', { id: 'feed-address', 'aria-live': 'polite' });
  const issue = async () => {
    try {
      const feed = await api('/api/exchange/calendar/feed-token', { method: 'POST' });
      const address = new URL(feed.path, location.origin).href;
      fill(output, 
        el('p', {}, 'Subscribe to this address in your calendar. Keep it private: anyone with it sees your meetings.'),
        el('p', { class: 'feed-url' }, el('a', { href: address, 'data-testid': 'feed-url' }, address)));
      announce('Your calendar address is ready.');
    } catch (error) {
      failed(output, error, 'Your calendar address');
    }
  };
  const revoke = async () => {
    try {
      await api('/api/exchange/calendar/feed-token', { method: 'DELETE' });
      fill(output, el('p', { class: 'notice success' }, 'Your calendar address no longer works.'));
      announce('Your calendar address no longer works.');
    } catch (error) {
      failed(output, error, 'Revoking your calendar address');
    }
  };
  return el('div', {},
    el('p', {}, 'Your group meetings and the events you registered for, as an iCalendar feed. A new address replaces '
      + 'the one before.'),
    el('div', { class: 'actions' },
      el('button', { type: 'button', onclick: issue }, 'Create a calendar address'),
      el('button', { type: 'button', class: 'secondary', onclick: revoke }, 'Revoke my calendar address')),
    output);
}

refresh();
