// Demand for groups (programme admins): confirmed interests by subject area and region, how many still wait for a
// group, and the groups forming or active there, as a table and on the finder's map (at the middle of each region's
// networks). Counts only: the API gives no names or addresses.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { ukMap, credits } from '../../map.js';
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
  await drawMap(document.getElementById('demand-map'), demand, await networkList());
} catch (error) {
  failed(host, error, 'The demand for groups');
}

/**
 * Each region's demand at the middle of its networks, over the portal's outlines of the UK (js/map.js); the table
 * above carries the same information, which the map's circles only show (their tooltips follow the pointer).
 */
async function drawMap(mapHost, demand, networks) {
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
  if (!window.L || !points.length) return;
  const mapNode = el('div', { id: 'demand-map-canvas', class: 'finder-map' });
  const hint = el('p', { class: 'hint' }, 'Circles grow with the interest still waiting in each region.');
  fill(mapHost, el('h2', {}, 'On the map'), mapNode, hint);
  try {
    const drawn = await ukMap(mapNode, { label: 'Map of the interest still waiting, by region' });
    if (!drawn) {
      fill(mapHost);
      return;
    }
    hint.append(' ', ...credits(drawn.tiles));
    for (const point of points) {
      window.L.circleMarker([point.lat, point.lng], { radius: 6 + Math.min(24, Math.sqrt(point.waiting) * 4),
        color: '#00594f' }).bindTooltip(`${point.name}: ${point.areas.join(', ')}`).addTo(drawn.map);
    }
    drawn.fit(window.L.latLngBounds(points.map(p => [p.lat, p.lng])).pad(0.4),
      { maxZoom: Math.min(8, drawn.maxZoom) });
  } catch (error) {
    fill(mapHost);
  }
}
