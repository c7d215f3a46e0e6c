// Finding the nearest networks, groups and upcoming events (public). The lists, closest first with distances, are the
// page's answer; the map beside them shows the networks and the events at a venue as links, with a key, over the
// portal's own outlines of the UK (js/map.js), so that it works without internet access.
import { shell } from '../../shell.js';
import { api, ApiError } from '../../api.js';
import { el, announce } from '../../dom.js';
import { ukMap, credits, legend, linkMarkers, originMarker } from '../../map.js';
import { AREAS, field, onSubmit, showErrors, km, when, where, words, fill, areaName } from './common.js';

await shell();
const formHost = document.getElementById('finder-form');
const results = document.getElementById('results');

let places = [];
try {
  places = await api('/api/exchange/finder/places');
} catch (error) {
  places = [];
}
const regions = [...new Set(places.map(place => place.region))].sort();
const query = new URLSearchParams(location.search);

const form = el('form', { id: 'finder', class: 'stacked', role: 'search', 'aria-label': 'Find an exchange' },
  field('finder', 'place', 'Town or city', { value: query.get('place') || '', conditional: true,
    hint: 'A UK town or city, such as Wolverhampton. Leave it empty and choose "Use my location" to search from where you are.',
    attributes: { list: 'finder-places', autocomplete: 'address-level2' } }),
  el('datalist', { id: 'finder-places' }, places.map(place => el('option', { value: place.name }))),
  field('finder', 'region', 'Region', { value: query.get('region') || '', required: false,
    options: [['', 'Any region'], ...regions.map(region => [region, region])] }),
  field('finder', 'area', 'Subject area', { value: query.get('area') || '', required: false,
    options: [['', 'Any subject area'], ...AREAS.map(area => [area, area])] }),
  el('div', { class: 'actions' },
    el('button', { type: 'submit', value: 'place' }, 'Search'),
    'geolocation' in navigator
      ? el('button', { type: 'submit', class: 'secondary', value: 'location' }, 'Use my location') : null));
formHost.append(form);

onSubmit(form, async (values, submitter) => {
  const search = new URLSearchParams();
  if (values.region) search.set('region', values.region);
  if (values.area) search.set('area', values.area);
  if (submitter?.value === 'location') {
    const position = await locate(form);
    if (!position) return;
    search.set('latitude', position.coords.latitude.toFixed(5));
    search.set('longitude', position.coords.longitude.toFixed(5));
  } else {
    if (!values.place) {
      showErrors(form, { place: 'Enter a town or city, or use your location' });
      return;
    }
    search.set('place', values.place);
  }
  history.replaceState(null, '', `?${search}`);
  await find(search);
});

function locate(form) {
  return new Promise(resolve => navigator.geolocation.getCurrentPosition(resolve, () => {
    showErrors(form, {}, 'Your location is not available. Allow the browser to share it, or enter a town or city.');
    resolve(null);
  }, { timeout: 10000, maximumAge: 600000 }));
}

async function find(search) {
  search.set('limit', '10');
  let found;
  try {
    found = await api(`/api/exchange/finder/nearest?${search}`);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const fieldErrors = error.fieldErrors;
    showErrors(form, fieldErrors, Object.keys(fieldErrors).length ? null : error.message);
    fill(results);
    return;
  }
  render(found);
}

function render(found) {
  const origin = found.origin.placeName || 'your location';
  const total = found.networks.length + found.groups.length + found.events.length;
  const summary = el('p', { id: 'results-summary', tabindex: '-1' },
    total ? `Nearest to ${origin}: ${count(found.networks.length, 'network')}, ${count(found.groups.length, 'group')} `
      + `and ${count(found.events.length, 'upcoming event')}, closest first.`
      : `Nothing found near ${origin} with these filters.`);
  const mapHost = el('div', { class: 'finder-map-wrap' });
  fill(results,
    el('h2', {}, 'Results'), summary,
    el('div', { class: 'finder-layout' },
      el('div', { class: 'finder-lists' },
        el('h3', {}, 'Networks'),
        list(found.networks, 'No networks found.', network => [
          el('a', { href: networkPage(network.id) }, network.name),
          ` (${network.region}${network.placeName ? `, ${network.placeName}` : ''})`]),
        el('h3', {}, 'Groups'),
        list(found.groups, 'No groups open to members found.', group => [
          el('a', { href: `/groups/group.html?id=${group.id}` }, group.name),
          ` (${words(group.kind)}, ${areaName(group.area)}, ${words(group.status).toLowerCase()}; ${group.networkName})`]),
        el('h3', {}, 'Upcoming events'),
        list(found.events, 'No upcoming events found.', event => [
          el('a', { href: eventPage(event) }, event.title),
          ` (${words(event.kind)}): ${when(event)}${event.online ? '' : `; ${where(event)}`}`])),
      mapHost));
  summary.focus();
  announce(summary.textContent);
  drawMap(mapHost, found);
}

function count(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function list(items, empty, describe) {
  if (!items.length) return el('p', {}, empty);
  // an online event is as near as anyone's screen: it says so rather than giving its network's distance
  return el('ol', { class: 'nearest' }, items.map(item => el('li', {},
    el('span', { class: 'distance' }, item.online ? 'Online' : km(item.distanceKm)), ' ', ...describe(item))));
}

/**
 * The map: the networks and the events at a venue as links to the same pages as the lists, with a key. Online events
 * are in the list only (they are as near as anyone's screen).
 */
async function drawMap(host, found) {
  const places = [
    ...found.networks.map(network => ({ latitude: network.latitude, longitude: network.longitude, kind: 'network',
      name: `${network.name} (network)`, href: networkPage(network.id) })),
    ...found.events.filter(event => !event.online).map(event => ({ latitude: event.latitude,
      longitude: event.longitude, kind: 'event', name: `${event.title} (event, ${when(event)})`,
      href: eventPage(event) }))];
  if (!window.L || !places.length) return;
  const mapNode = el('div', { id: 'finder-map', class: 'finder-map' });
  const hint = el('p', { class: 'hint' }, 'Each marker is a link to its page, as in the lists.');
  fill(host, el('section', { class: 'finder-map-section', 'aria-labelledby': 'finder-map-heading' },
    el('h3', { id: 'finder-map-heading' }, 'On the map'),
    legend('Key to the map', [['network', 'A network'],
      ['event', 'An event at a venue (online events are in the list)'], ['origin', 'Where you searched from']]),
    mapNode, hint));
  try {
    const drawn = await ukMap(mapNode, { label: 'Map of the results' });
    if (!drawn) {
      fill(host);
      return;
    }
    hint.append(' ', ...credits(drawn.tiles));
    const origin = [found.origin.latitude, found.origin.longitude];
    drawn.fit(window.L.latLngBounds([origin, ...places.map(place => [place.latitude, place.longitude])])
      .pad(0.2), { maxZoom: drawn.maxZoom });
    originMarker(drawn.map, ...origin);
    linkMarkers(drawn.map, places);
  } catch (error) {
    fill(host);
  }
}

function networkPage(networkId) {
  return `/groups/events.html?networkId=${networkId}`;
}

function eventPage(event) {
  return `${networkPage(event.networkId)}#meeting-${event.id}`;
}

if (query.get('place') || (query.get('latitude') && query.get('longitude'))) {
  find(new URLSearchParams(query));
}
