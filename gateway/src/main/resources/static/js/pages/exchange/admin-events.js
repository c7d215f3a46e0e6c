// Network events (programme admins): scheduling a launch event, a development day with its key speaker or a
// dissemination event, and the events coming up, each with its registrations, attendance and changes.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { field, onSubmit, failed, done, fill, networkList, table, when, where, words, meetingPlaces, meetingState } from './common.js';
import { whenFields, whenBody, venueChoices } from './meeting-form.js';

await shell({ signInRequired: true });
const host = document.getElementById('page');
const networks = await networkList();
const list = el('div', { id: 'events' }, el('p', {}, 'Loading…'));
const scheduled = el('div', { id: 'scheduled' });
const venues = await venueChoices();
const form = el('form', { id: 'event', class: 'stacked' },
  field('event', 'networkId', 'Network', { required: true,
    options: [['', 'Choose a network'], ...networks.map(n => [n.id, n.name])] }),
  field('event', 'kind', 'Kind of event', { required: true, options: [['LAUNCH_EVENT', 'Launch event'],
    ['DEVELOPMENT_DAY', 'Development day'], ['DISSEMINATION_EVENT', 'Dissemination event']] }),
  field('event', 'title', 'Title', { required: true }),
  field('event', 'description', 'What it is about', { type: 'textarea' }),
  field('event', 'keySpeaker', 'Key speaker', { hint: 'A development day needs its key speaker.' }),
  ...whenFields('event', venues),
  field('event', 'capacity', 'Places', { type: 'number', required: true, value: 60,
    attributes: { min: 1, max: 5000, inputmode: 'numeric' } }),
  el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Schedule the event')));
onSubmit(form, async values => {
  const event = await api('/api/exchange/meetings', { method: 'POST', body: {
    kind: values.kind, networkId: values.networkId, title: values.title, description: values.description || null,
    keySpeaker: values.keySpeaker || null, when: whenBody(values), capacity: Number(values.capacity) } });
  form.reset();
  done(scheduled, `Scheduled "${event.title}" on ${when(event)}.`);
  await render();
});
fill(host, el('h2', {}, 'Coming up'), list, el('h2', {}, 'Schedule a network event'), scheduled, form);

async function render() {
  let events;
  try {
    events = (await api('/api/exchange/meetings?limit=500&includeCancelled=true'))
      .filter(event => event.kind !== 'GROUP_MEETING');
  } catch (error) {
    failed(list, error, 'The events');
    return;
  }
  const networkName = id => networks.find(n => n.id === id)?.name || '—';
  fill(list, events.length
    ? table('Network events coming up', ['Event', 'Kind', 'Network', 'When', 'Where', 'Places', 'Status', 'Run it'],
        events.map(e => [e.title, words(e.kind), networkName(e.networkId), when(e), where(e),
          meetingPlaces(e), meetingState(e), el('a', { href: `/facilitate/meeting.html?id=${e.id}` }, 'Registrations and changes',
            el('span', { class: 'visually-hidden' }, ` for ${e.title}`))]))
    : el('p', {}, 'No network events are coming up.'));
}

render();
