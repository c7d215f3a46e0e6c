// Networks and their programme cycles (programme admins): the regional networks, creating one at a town the finder
// knows or at a latitude and longitude, and adding a cycle with its waves.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDate } from '../../dom.js';
import { field, onSubmit, showErrors, failed, done, table, fill } from './common.js';

await shell({ signInRequired: true });
const host = document.getElementById('page');
const list = el('div', { id: 'networks' }, el('p', {}, 'Loading…'));
const created = el('div', { id: 'created' });
const cycles = el('div', { id: 'cycles' });
let places = [];
let organisations = [];
[places, organisations] = await Promise.all([
  api('/api/exchange/finder/places').catch(() => []),
  api('/api/exchange/organisations').catch(() => [])]);
fill(host, list,
  el('h2', {}, 'Create a network'), created, networkForm(),
  el('h2', {}, 'Programme cycles'), cycles);

let networks = [];

async function render() {
  try {
    networks = await api('/api/exchange/networks');
  } catch (error) {
    failed(list, error, 'The networks');
    return;
  }
  fill(list, networks.length
    ? table('Networks', ['Network', 'Region', 'Place', 'Lead organisation', 'Created'],
        networks.map(n => [n.name, n.region, n.placeName || `${n.latitude}, ${n.longitude}`, n.leadOrganisationName || n.leadOrganisationId || '—',
          formatDate(n.createdAt)]))
    : el('p', {}, 'No networks yet.'));
  renderCycles();
}

function networkForm() {
  const form = el('form', { id: 'network', class: 'stacked' },
    field('network', 'name', 'Name', { required: true, hint: 'For example: West Midlands Professional Exchange.' }),
    field('network', 'region', 'Region', { required: true, attributes: { list: 'network-regions' } }),
    el('datalist', { id: 'network-regions' }, [...new Set(places.map(p => p.region))].map(r => el('option', { value: r }))),
    field('network', 'placeName', 'Town or city it is based in', { attributes: { list: 'network-places' },
      hint: 'A town the finder knows fills in the latitude and longitude; elsewhere, give them yourself.' }),
    el('datalist', { id: 'network-places' }, places.map(p => el('option', { value: p.name }))),
    field('network', 'latitude', 'Latitude', { type: 'number', attributes: { step: 'any', min: -90, max: 90 } }),
    field('network', 'longitude', 'Longitude', { type: 'number', attributes: { step: 'any', min: -180, max: 180 } }),
    field('network', 'leadOrganisationId', 'Lead organisation', { options: [['', 'None yet'],
      ...organisations.map(o => [o.id, o.name])] }),
    field('network', 'contactName', 'Contact name'),
    field('network', 'contactEmail', 'Contact e-mail', { type: 'email' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Create the network')));
  const placeInput = form.querySelector('[name="placeName"]');
  placeInput.addEventListener('change', () => {
    const place = places.find(p => p.name.toLowerCase() === placeInput.value.trim().toLowerCase());
    if (!place) return;
    form.querySelector('[name="latitude"]').value = place.location.latitude;
    form.querySelector('[name="longitude"]').value = place.location.longitude;
    const region = form.querySelector('[name="region"]');
    if (!region.value) region.value = place.region;
  });
  onSubmit(form, async values => {
    const place = places.find(p => p.name.toLowerCase() === values.placeName.toLowerCase());
    const latitude = values.latitude || place?.location.latitude;
    const longitude = values.longitude || place?.location.longitude;
    if (latitude === undefined || latitude === '' || longitude === undefined || longitude === '') {
      showErrors(form, { latitude: 'Give a latitude, or a town the finder knows',
        longitude: 'Give a longitude, or a town the finder knows' });
      return;
    }
    const network = await api('/api/exchange/networks', { method: 'POST', body: {
      name: values.name, region: values.region, placeName: values.placeName || null,
      latitude: Number(latitude), longitude: Number(longitude), leadOrganisationId: values.leadOrganisationId || null,
      contactName: values.contactName || null, contactEmail: values.contactEmail || null } });
    form.reset();
    done(created, `Created the network "${network.name}".`);
    await render();
  });
  return form;
}

async function renderCycles() {
  if (!networks.length) {
    fill(cycles, el('p', {}, 'Create a network first.'));
    return;
  }
  const chooser = el('form', { id: 'cycle-network', class: 'stacked', onsubmit: e => e.preventDefault() },
    field('cycle-network', 'networkId', 'Network', { required: true, options: networks.map(n => [n.id, n.name]) }));
  const shown = el('div', { id: 'cycle-list' });
  const select = chooser.querySelector('select');
  const show = async () => {
    try {
      const found = await api(`/api/exchange/networks/${select.value}/cycles`);
      fill(shown, found.length
        ? el('ul', { class: 'stack' }, found.map(c => el('li', { class: 'card' },
            el('h3', {}, c.name), el('p', {}, `${formatDate(c.startsOn)} to ${formatDate(c.endsOn)}`),
            c.waves.length ? el('ul', {}, c.waves.map(w => el('li', {},
              `Wave ${w.number}, ${w.name}: ${formatDate(w.startsOn)} to ${formatDate(w.endsOn)}`))) : null)))
        : el('p', {}, 'No cycles yet.'));
    } catch (error) {
      failed(shown, error, 'The cycles');
    }
  };
  select.addEventListener('change', show);
  const added = el('div', { id: 'cycle-added' });
  const form = el('form', { id: 'cycle', class: 'stacked' },
    field('cycle', 'name', 'Name of the cycle', { required: true, hint: 'For example: West Midlands Professional Exchange 2018-19.' }),
    field('cycle', 'startsOn', 'Starts on', { type: 'date', required: true }),
    field('cycle', 'endsOn', 'Ends on', { type: 'date', required: true }),
    [1, 2].map(n => el('fieldset', {}, el('legend', {}, `Wave ${n} (optional)`),
      field('cycle', `wave${n}.name`, 'Name of the wave'),
      field('cycle', `wave${n}.startsOn`, 'Starts on', { type: 'date' }),
      field('cycle', `wave${n}.endsOn`, 'Ends on', { type: 'date' }))),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Add the cycle')));
  onSubmit(form, async values => {
    const waves = [1, 2].filter(n => values[`wave${n}.name`]).map(n => ({ number: n, name: values[`wave${n}.name`],
      startsOn: values[`wave${n}.startsOn`], endsOn: values[`wave${n}.endsOn`] }));
    const cycle = await api(`/api/exchange/networks/${select.value}/cycles`, { method: 'POST', body: {
      name: values.name, startsOn: values.startsOn, endsOn: values.endsOn, waves } });
    form.reset();
    done(added, `Added the cycle "${cycle.name}".`);
    await show();
  });
  fill(cycles, chooser, shown, el('h3', {}, 'Add a cycle to this network'), added, form);
  await show();
}

render();
