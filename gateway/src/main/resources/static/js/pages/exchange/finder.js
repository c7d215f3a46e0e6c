// Finding the nearest networks, groups and upcoming events (public). The lists, closest first with distances, are the
// page's answer; the map beside them shows the same places for those who can see it and is hidden from screen readers.
import { shell } from '../../shell.js';
import { api, ApiError } from '../../api.js';
import { el, announce } from '../../dom.js';
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
  field('finder', 'place', 'Town or city', { value: query.get('place') || '',
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
          el('a', { href: `/groups/events.html?networkId=${network.id}` }, network.name),
          ` (${network.region}${network.placeName ? `, ${network.placeName}` : ''})`]),
        el('h3', {}, 'Groups'),
        list(found.groups, 'No groups open to members found.', group => [
          el('a', { href: `/groups/group.html?id=${group.id}` }, group.name),
          ` (${words(group.kind)}, ${areaName(group.area)}, ${words(group.status).toLowerCase()}; ${group.networkName})`]),
        el('h3', {}, 'Upcoming events'),
        list(found.events, 'No upcoming events found.', event => [
          el('a', { href: `/groups/events.html?networkId=${event.networkId}#meeting-${event.id}` }, event.title),
          ` (${words(event.kind)}): ${when(event)}; ${where(event)}`])),
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

/** The map, drawn with Leaflet and OpenStreetMap tiles when they load; the lists carry the same information. */
function drawMap(host, found) {
  const L = window.L;
  const points = [
    ...found.networks.map(n => ({ lat: n.latitude, lng: n.longitude, label: n.name, kind: 'network' })),
    ...found.events.filter(e => !e.online).map(e => ({ lat: e.latitude, lng: e.longitude, label: e.title, kind: 'event' }))];
  if (!L || !points.length) return;
  const mapNode = el('div', { id: 'finder-map', class: 'finder-map', 'aria-hidden': 'true' });
  fill(host, mapNode, el('p', { class: 'hint' },
    'The map shows the networks and events of the lists. Map data © ',
    el('a', { href: 'https://www.openstreetmap.org/copyright' }, 'OpenStreetMap contributors'), '.'));
  try {
    const map = L.map(mapNode, { zoomControl: false, attributionControl: false, keyboard: false,
      scrollWheelZoom: false });
    L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', { maxZoom: 18 }).addTo(map);
    const origin = [found.origin.latitude, found.origin.longitude];
    L.circleMarker(origin, { radius: 6, color: '#1b1b1b', interactive: false }).addTo(map);
    for (const point of points) {
      L.circleMarker([point.lat, point.lng], { radius: 8, interactive: false,
        color: point.kind === 'network' ? '#00594f' : '#a4161a' }).addTo(map);
    }
    map.fitBounds(L.latLngBounds([origin, ...points.map(p => [p.lat, p.lng])]).pad(0.2), { maxZoom: 12 });
  } catch (error) {
    fill(host);
  }
}

if (query.get('place') || (query.get('latitude') && query.get('longitude'))) {
  find(new URLSearchParams(query));
}
