// Demand for groups (programme admins): confirmed interests by subject area and region, how many still wait for a
// group, and the groups forming or active there, as a table and on the finder's map (at the middle of each region's
// networks). Counts only: the API gives no names or addresses.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { failed, table, fill, areaName, networkList } from './common.js';

await shell({ signInRequired: true });
const host = document.getElementById('page');
try {
  const demand = await api('/api/exchange/interests/demand');
  fill(host, demand.length
    ? table(`Demand in ${demand.length} area${demand.length === 1 ? '' : 's'} and region${demand.length === 1 ? '' : 's'}`,
        ['Subject area', 'Region', 'Interested', 'Still waiting for a group', 'Groups forming or active'],
        demand.map(row => [areaName(row.area), row.region, String(row.interested), String(row.waiting),
          String(row.groupsOpen)]))
    : el('p', {}, 'Nobody has registered interest yet.'),
    el('p', {}, 'Interest counts once its owner is signed in or has confirmed their address. ',
      el('a', { href: '/admin/exchange-groups.html' }, 'Open proposed groups'), ' to tell those waiting.'));
  drawMap(document.getElementById('demand-map'), demand, await networkList());
} catch (error) {
  failed(host, error, 'The demand for groups');
}

/** Each region's demand at the middle of its networks; the table above carries the same information. */
function drawMap(mapHost, demand, networks) {
  const L = window.L;
  const regions = new Map();
  for (const row of demand) {
    const key = row.region.toLowerCase();
    const region = regions.get(key) || { name: row.region, waiting: 0, areas: [] };
    region.waiting += row.waiting;
    region.areas.push(`${areaName(row.area)} ${row.waiting}`);
    regions.set(key, region);
  }
  const points = [...regions.entries()].map(([key, region]) => {
    const inRegion = networks.filter(n => String(n.region).toLowerCase() === key);
    if (!inRegion.length) return null;
    return { ...region, lat: inRegion.reduce((sum, n) => sum + n.latitude, 0) / inRegion.length,
      lng: inRegion.reduce((sum, n) => sum + n.longitude, 0) / inRegion.length };
  }).filter(Boolean);
  if (!L || !points.length) return;
  const mapNode = el('div', { id: 'demand-map-canvas', class: 'finder-map', 'aria-hidden': 'true' });
  fill(mapHost, el('h2', {}, 'On the map'), mapNode, el('p', { class: 'hint' },
    'Circles grow with the interest still waiting in each region. Map data © ',
    el('a', { href: 'https://www.openstreetmap.org/copyright' }, 'OpenStreetMap contributors'), '.'));
  try {
    const map = L.map(mapNode, { zoomControl: false, attributionControl: false, keyboard: false,
      scrollWheelZoom: false });
    L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', { maxZoom: 18 }).addTo(map);
    for (const point of points) {
      L.circleMarker([point.lat, point.lng], { radius: 6 + Math.min(24, Math.sqrt(point.waiting) * 4),
        color: '#00594f' }).bindTooltip(`${point.name}: ${point.areas.join(', ')}`).addTo(map);
    }
    map.fitBounds(L.latLngBounds(points.map(p => [p.lat, p.lng])).pad(0.4), { maxZoom: 8 });
  } catch (error) {
    fill(mapHost);
  }
}
