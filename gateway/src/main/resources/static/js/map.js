// The portal's maps (the finder, the demand for groups), drawn with Leaflet (loaded by the page) over the portal's own
// outlines of the UK (/maps/uk.json, from Natural Earth), so that they work without internet access. Tiles come only
// from a tile server the gateway is configured with (/portal/settings); they are laid over the outlines, which still
// show wherever a tile does not load. Markers are links with names, reachable with the keyboard. Above each map its
// zoom buttons (in, out, back to the page's view); + and - zoom and the arrow keys move the map while it has focus.
import { api } from './api.js';
import { el, announce } from './dom.js';

/** The fill and line of each kind of outline: the UK's regions and nations light on a blue sea, neighbours greyed. */
const OUTLINE_STYLES = {
  region: { color: '#5c6b69', weight: 1, fillColor: '#ffffff', fillOpacity: 1 },
  nation: { color: '#5c6b69', weight: 1, fillColor: '#ffffff', fillOpacity: 1 },
  neighbour: { color: '#8a9694', weight: 1, fillColor: '#e4e8e7', fillOpacity: 1 },
};

/** How far apart, in pixels, the centres of two markers stay (each is a 26 px target, WCAG 2.5.8 asks 24). */
const MARKER_SPACING = 32;

let outlines;
let tiles;

function loadOutlines() {
  outlines ??= fetch('/maps/uk.json').then(response => (response.ok ? response.json() : null)).catch(() => null);
  return outlines;
}

function loadTiles() {
  tiles ??= api('/portal/settings').then(settings => settings?.mapTiles || null).catch(() => null);
  return tiles;
}

/** How close a person may zoom: streets with tiles, regions and towns over the outlines alone; and how far out. */
const ZOOM_LIMITS = { tiles: 18, outlines: 10, out: 4 };

/** How far, in pixels, an arrow key moves the map. */
const PAN_STEP = 80;

/**
 * A Leaflet map of the UK in node, or null when Leaflet is not loaded. node is named by label and takes the keyboard
 * focus; its zoom buttons go just above it. The page places the map with fit(bounds, options), which is also where
 * "Reset the view" goes back to. maxZoom is how close fitting it to places may go: closer with tiles, which have
 * streets to show, than over the outlines alone.
 */
export async function ukMap(node, { label = 'Map' } = {}) {
  const L = window.L;
  if (!L) return null;
  const [shapes, tileServer] = await Promise.all([loadOutlines(), loadTiles()]);
  const map = L.map(node, { zoomControl: false, attributionControl: false, keyboard: false, scrollWheelZoom: false,
    doubleClickZoom: false, boxZoom: false, touchZoom: false, zoomSnap: 0.5, minZoom: ZOOM_LIMITS.out,
    maxZoom: tileServer ? ZOOM_LIMITS.tiles : ZOOM_LIMITS.outlines,
    zoomAnimation: !matchMedia('(prefers-reduced-motion: reduce)').matches });
  // below the tiles (pane 200), so that they cover the outlines where they load
  map.createPane('outlines').style.zIndex = '150';
  if (shapes) {
    L.geoJSON(shapes, { pane: 'outlines', interactive: false,
      style: feature => OUTLINE_STYLES[feature.properties.kind] || OUTLINE_STYLES.neighbour }).addTo(map);
  }
  if (tileServer) L.tileLayer(tileServer.url, { maxZoom: ZOOM_LIMITS.tiles }).addTo(map);
  let home = null;
  const fit = (bounds, options = {}) => {
    home = { bounds, options };
    map.fitBounds(bounds, options);
  };
  zoomControls(node, map, label, () => (home ? map.fitBounds(home.bounds, home.options)
    : map.setView([54.5, -3], 5)));
  return { map, tiles: tileServer, maxZoom: tileServer ? 12 : 9, fit };
}

/**
 * Zoom in, zoom out and reset as buttons above the map; + and - (and = and _, the same keys unshifted) while the map,
 * a marker or a button has focus; the arrow keys move the map while the map itself has focus. A button at its limit
 * says so (aria-disabled) and keeps its focus. Each change is announced, and the zoom kept in data-zoom.
 */
function zoomControls(node, map, label, reset) {
  const hintId = `${node.id || 'map'}-keys`;
  const button = (text, symbolText, action) => el('button', { type: 'button', class: 'secondary map-zoom-button',
    onclick: event => {
      if (event.currentTarget.getAttribute('aria-disabled') !== 'true') action();
    } }, el('span', { 'aria-hidden': 'true', class: 'map-zoom-symbol' }, symbolText), text);
  // Leaflet drops a zoom asked for while it animates the last one: the level wanted is kept and reached on zoomend
  let wanted = null;
  const zoomBy = delta => {
    wanted = Math.max(map.getMinZoom(), Math.min(map.getMaxZoom(), (wanted ?? map.getZoom()) + delta));
    map.setZoom(wanted);
  };
  const zoomIn = button('Zoom in', '+', () => zoomBy(1));
  const zoomOut = button('Zoom out', '\u2212', () => zoomBy(-1));
  const resetButton = button('Reset the view', '\u21ba', () => {
    wanted = null;
    reset();
  });
  const controls = el('div', { class: 'map-zoom', role: 'group', 'aria-label': `Zoom the ${label.toLowerCase()}` },
    zoomIn, zoomOut, resetButton,
    el('p', { class: 'hint', id: hintId }, 'With the map in focus: + and \u2212 zoom, the arrow keys move it.'));
  node.before(controls);
  node.setAttribute('tabindex', '0');
  node.setAttribute('role', 'region');
  node.setAttribute('aria-label', label);
  node.setAttribute('aria-describedby', hintId);

  const keys = event => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const zoom = { '+': 1, '=': 1, '-': -1, '_': -1, '\u2212': -1 }[event.key];
    const pan = { ArrowLeft: [-PAN_STEP, 0], ArrowRight: [PAN_STEP, 0], ArrowUp: [0, -PAN_STEP],
      ArrowDown: [0, PAN_STEP] }[event.key];
    if (zoom) {
      event.preventDefault();
      zoomBy(zoom);
    } else if (pan && event.target === node) {
      event.preventDefault();
      map.panBy(pan);
    }
  };
  node.addEventListener('keydown', keys);
  controls.addEventListener('keydown', keys);

  let last = null;
  const told = () => {
    const zoom = map.getZoom();
    node.dataset.zoom = String(zoom);
    zoomIn.setAttribute('aria-disabled', String(zoom >= map.getMaxZoom()));
    zoomOut.setAttribute('aria-disabled', String(zoom <= map.getMinZoom()));
    if (last !== null && zoom !== last) {
      announce(`Map ${zoom > last ? 'zoomed in' : 'zoomed out'}: level ${zoom} of ${map.getMaxZoom()}.`);
    }
    last = zoom;
  };
  map.on('zoomend', () => {
    if (wanted !== null && map.getZoom() !== wanted) map.setZoom(wanted);
    else wanted = null;
    told();
  });
  map.whenReady(told);
}

/** Whom the map's outlines and tiles are owed to, for a line under it. */
export function credits(tileServer) {
  return ['Outlines: ', el('a', { href: 'https://www.naturalearthdata.com/' }, 'Natural Earth'), '.',
    ...(tileServer ? [' Map tiles: ', tileServer.attributionUrl
      ? el('a', { href: tileServer.attributionUrl }, tileServer.attribution) : tileServer.attribution, '.'] : [])];
}

/** A marker's symbol: a network's circle, an event's diamond, the searched-from ring; the legend shows the same. */
export function symbol(kind) {
  return el('span', { class: `map-symbol ${kind}`, 'aria-hidden': 'true' });
}

/** The key to a map: each kind of marker with what it means. */
export function legend(label, entries) {
  return el('ul', { class: 'map-legend', 'aria-label': label },
    entries.map(([kind, meaning]) => el('li', {}, symbol(kind), meaning)));
}

/**
 * Places on the map as links to their pages: { latitude, longitude, name, href, kind }, in the order the keyboard
 * reaches them. Each link is named by its place and shows the name when focused or pointed at. Markers that would
 * overlap at the map's zoom are spread around their place, so that every one can be seen and chosen.
 */
export function linkMarkers(map, places) {
  const L = window.L;
  const markers = places.map(place => {
    const link = el('a', { href: place.href, class: `map-marker ${place.kind}` },
      symbol(place.kind), el('span', { class: 'map-marker-name' }, place.name));
    const marker = L.marker([place.latitude, place.longitude], { interactive: false, keyboard: false,
      icon: L.divIcon({ html: link, className: 'map-marker-icon', iconSize: [26, 26] }) }).addTo(map);
    const showName = () => keepNameInside(link, map.getContainer());
    link.addEventListener('focus', showName);
    link.addEventListener('mouseenter', showName);
    return { marker, link };
  });
  const spread = () => spreadApart(map, markers);
  map.on('zoomend viewreset', spread);
  spread();
  return markers.map(({ link }) => link);
}

/** A shown name is moved to stay inside the map (which clips what leaves it): sideways, and below when at the top. */
function keepNameInside(link, container) {
  const name = link.querySelector('.map-marker-name');
  name.style.marginLeft = '';
  name.classList.remove('below');
  const frame = container.getBoundingClientRect();
  let box = name.getBoundingClientRect();
  if (box.top < frame.top + 4) {
    name.classList.add('below');
    box = name.getBoundingClientRect();
  }
  const shift = box.left < frame.left + 4 ? frame.left + 4 - box.left
    : box.right > frame.right - 4 ? frame.right - 4 - box.right : 0;
  if (shift) name.style.marginLeft = `${Math.round(shift)}px`;
}

/** Where the search started from: a ring, not a link (the lists' summary names the place). */
export function originMarker(map, latitude, longitude) {
  const L = window.L;
  return L.marker([latitude, longitude], { interactive: false, keyboard: false, zIndexOffset: -1000,
    icon: L.divIcon({ html: symbol('origin'), className: 'map-marker-icon', iconSize: [26, 26] }) }).addTo(map);
}

/**
 * Each marker, in order, at its place, or where that is taken at the nearest free spot on rings around it, so that no
 * two markers' centres are closer than MARKER_SPACING and every target stays whole.
 */
function spreadApart(map, markers) {
  const taken = [];
  for (const { marker, link } of markers) {
    const at = map.latLngToLayerPoint(marker.getLatLng());
    const spot = freeSpot(at, taken);
    taken.push(spot);
    const dx = Math.round(spot.x - at.x);
    const dy = Math.round(spot.y - at.y);
    link.style.transform = dx || dy ? `translate(${dx}px, ${dy}px)` : '';
  }
}

function freeSpot(at, taken) {
  const free = point => taken.every(other => other.distanceTo(point) >= MARKER_SPACING);
  if (free(at)) return at;
  // ring n holds 6n spots, about MARKER_SPACING apart along it
  for (let ring = 1; ring <= 12; ring++) {
    for (let step = 0; step < 6 * ring; step++) {
      const angle = -Math.PI / 2 + (2 * Math.PI * step) / (6 * ring);
      const spot = window.L.point(at.x + ring * MARKER_SPACING * Math.cos(angle),
        at.y + ring * MARKER_SPACING * Math.sin(angle));
      if (free(spot)) return spot;
    }
  }
  return at;
}
