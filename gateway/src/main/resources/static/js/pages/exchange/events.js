// Network events (launch events, development days, dissemination events) for signed-in people: what is coming up in
// each network, registering or joining the waitlist, and cancelling a registration.
import { shell, hasRole } from '../../shell.js';
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { field, failed, fill, networkList, param } from './common.js';
import { meetingCard } from './meeting-card.js';

const me = await shell({ signInRequired: true });
const host = document.getElementById('page');
const networks = await networkList();
const filter = el('form', { id: 'events-filter', class: 'stacked', onsubmit: e => e.preventDefault() },
  field('events', 'networkId', 'Network', { value: param('networkId') || '',
    options: [['', 'All networks'], ...networks.map(n => [n.id, n.name])] }));
const status = el('div', { id: 'events-status', role: 'status' });
const list = el('div', { id: 'events' }, el('p', {}, 'Loading…'));
const discussion = el('div', { id: 'network-discussion' });
/** The networks whose discussion the person takes part in, with their unread posts. */
const spaces = await api('/api/exchange/me/discussions').then(all => all.filter(s => s.kind === 'NETWORK'))
  .catch(() => []);
fill(host,
  el('p', { class: 'lead' }, 'Launch events, development days with a key speaker and dissemination events, open to '
    + 'everyone in the network.'),
  filter, discussion, status, list);
filter.addEventListener('change', render);

async function render() {
  const networkId = filter.querySelector('select').value;
  const space = spaces.find(s => s.networkId === networkId);
  fill(discussion, space ? el('p', {}, el('a', { class: 'button secondary', 'data-testid': 'network-discussion-link',
    href: `/groups/discussion.html?network=${networkId}` }, 'Discussion', space.unread ? ` (${space.unread} unread)` : ''),
    ` Everyone who takes part in ${space.name}'s groups talks there.`) : null,
    el('p', {}, el('a', { 'data-testid': 'contact-link', href: networkId ? `/contact.html?network=${networkId}`
      : '/contact.html' }, networkId ? `Contact ${networks.find(n => n.id === networkId)?.name || 'this network'}`
      : 'Contact the Learning Exchange'), ': a question to the programme team, answered by e-mail.'));
  let events;
  let registered;
  try {
    [events, registered] = await Promise.all([
      api(`/api/exchange/meetings?${networkId ? `networkId=${networkId}&` : ''}limit=500`),
      api('/api/exchange/me/registrations')]);
  } catch (error) {
    failed(list, error, 'The events');
    return;
  }
  const places = new Map(registered.map(r => [r.meeting.id, r.place]));
  const networkEvents = events.filter(event => event.kind !== 'GROUP_MEETING');
  fill(list, networkEvents.length
    ? el('ol', { class: 'stack', 'data-testid': 'events' }, networkEvents.map(event => meetingCard(event,
        places.get(event.id), { canRegister: true, runs: hasRole(me, 'programme-admin'), status, changed: render,
          heading: 'h2' })))
    : el('p', {}, 'No network events are coming up.'));
  // arriving from the finder at one event: take the reader there
  const arrived = location.hash && document.getElementById(location.hash.slice(1));
  if (arrived) {
    arrived.setAttribute('tabindex', '-1');
    arrived.focus();
  }
}

render();
