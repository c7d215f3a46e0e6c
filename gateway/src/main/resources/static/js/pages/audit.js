// The audit trail: who changed what and when in every context, with the record before and after. Programme admins
// see every entry; an org-admin (at /organisation/audit.html) sees their own organisation's. Each service keeps its
// own trail; the page asks each and merges the answers, newest first.
import { shell } from '../shell.js';
import { api, ApiError } from '../api.js';
import { el, formatDateTime, announce } from '../dom.js';
import { organisationNames, organisationName } from '../organisations.js';

const SERVICES = [
  { id: 'membership', label: 'Membership and organisations', path: '/api/membership/audit' },
  { id: 'exchange', label: 'Groups, meetings and outcomes', path: '/api/exchange/audit' },
  { id: 'assessment', label: 'Self-assessment', path: '/api/assessment/audit' },
  { id: 'accreditation', label: 'Awards', path: '/api/accreditation/audit' },
  { id: 'notification', label: 'E-mail choices', path: '/api/notifications/audit' }
];
const PAGE = 25;

const me = await shell({ signInRequired: true });
const organisations = await organisationNames();
const host = document.getElementById('audit');
const ROLES = { 'org-admin': 'organisation admin', 'programme-admin': 'programme admin', facilitator: 'facilitator',
  assessor: 'assessor', ops: 'operations' };
let cursors = new Map(); // service id -> the `before` of its next page, or null when it has no more
let query = {};

function describe(entry) {
  const [thing, verb] = entry.action.split('.');
  return `${thing.replaceAll('-', ' ')} ${(verb || '').replaceAll('-', ' ')}`.replace(/^./, c => c.toUpperCase());
}

function who(entry) {
  if (!entry.actorId) return 'The platform (no one signed in: a schedule or an e-mail link)';
  if (entry.actorId === me.subject) return 'You';
  const roles = (entry.actorRoles || []).filter(role => role !== 'practitioner').map(role => ROLES[role] || role);
  return `Person ${entry.actorId}${roles.length ? ` (${roles.join(', ')})` : ''}`;
}

/** The record an entry is about; an organisation by its name, as everywhere in the portal. */
function record(entry) {
  return entry.subjectType === 'organisation'
    ? `Organisation ${organisationName(organisations, entry.subjectId)}`
    : `${entry.subjectType} ${entry.subjectId}`;
}

function value(v) {
  if (v === undefined || v === null) return '—';
  // JSON with a space after each comma and colon, so that a long value wraps between its parts, never inside a word
  return typeof v === 'object' ? JSON.stringify(v).replaceAll(/([,:])(?=["{[\d])/g, '$1 ') : String(v);
}

function changes(entry) {
  if (!entry.before && !entry.after) {
    return el('p', { class: 'muted' }, 'What the record held is no longer kept (the person it was about was erased).');
  }
  const fields = entry.changed?.length ? entry.changed
    : Object.keys({ ...(entry.before || {}), ...(entry.after || {}) });
  const id = `changes-${entry.service}-${entry.id}`;
  return el('details', {},
    el('summary', {}, `What changed (${fields.length} ${fields.length === 1 ? 'field' : 'fields'})`),
    el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': `${id}-caption` },
      el('table', {},
        el('caption', { id: `${id}-caption`, class: 'visually-hidden' }, `Changes: ${describe(entry)}`),
        el('thead', {}, el('tr', {}, ['Field', 'Before', 'After'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, fields.map(field => el('tr', {},
          el('th', { scope: 'row' }, field),
          el('td', {}, value(entry.before?.[field])),
          el('td', {}, value(entry.after?.[field]))))))));
}

function item(entry) {
  return el('li', { class: 'card audit-entry', 'data-testid': 'audit-entry' },
    el('h3', {}, describe(entry)),
    el('dl', { class: 'facts' },
      el('dt', {}, 'When'), el('dd', {}, el('time', { datetime: entry.at }, formatDateTime(entry.at))),
      el('dt', {}, 'Who'), el('dd', { class: 'feed-url' }, who(entry)),
      el('dt', {}, 'Record'), el('dd', { class: 'feed-url' }, record(entry)),
      entry.organisationId ? [el('dt', {}, 'Organisation'), el('dd', {}, organisationName(organisations, entry.organisationId))] : null,
      el('dt', {}, 'Where'), el('dd', {}, entry.serviceLabel)),
    changes(entry));
}

async function fetchPage(service) {
  const params = new URLSearchParams({ limit: String(PAGE) });
  for (const [name, v] of Object.entries(query)) if (v) params.set(name, v);
  const before = cursors.get(service.id);
  if (before) params.set('before', before);
  const page = await api(`${service.path}?${params}`);
  cursors.set(service.id, page.next ?? null);
  return page.entries.map(entry => ({ ...entry, service: service.id, serviceLabel: service.label }));
}

async function load(list, services, status) {
  const results = await Promise.allSettled(services.map(fetchPage));
  const entries = results.flatMap(r => r.status === 'fulfilled' ? r.value : []);
  const failed = services.filter((s, i) => results[i].status === 'rejected');
  entries.sort((a, b) => b.at.localeCompare(a.at));
  list.append(...entries.map(item));
  const more = SERVICES.filter(s => cursors.get(s.id));
  status.replaceChildren(
    failed.length ? el('p', { class: 'notice error', role: 'alert' }, `Not available just now: `
      + failed.map(s => s.label).join(', ') + '. ' + (results.find(r => r.status === 'rejected')?.reason
      instanceof ApiError ? results.find(r => r.status === 'rejected').reason.message : '')) : null,
    !list.children.length ? el('p', { class: 'notice' }, 'No changes match. Try fewer filters.') : null,
    more.length ? el('p', {}, el('button', { type: 'button', class: 'secondary', onclick: async event => {
      event.target.disabled = true;
      const before = list.children.length;
      await load(list, more, status);
      announce(`${list.children.length - before} older entries shown.`);
      list.children[before]?.querySelector('h3')?.setAttribute('tabindex', '-1');
      list.children[before]?.querySelector('h3')?.focus();
    } }, 'Show older entries')) : null);
}

function field(id, label, input, hint) {
  return el('div', { class: 'field' },
    el('label', { for: id }, label, hint ? el('span', { class: 'hint' }, hint) : null), input);
}

function filters() {
  const form = el('form', { class: 'stacked', id: 'audit-filters', 'aria-labelledby': 'filters-title' },
    el('h2', { id: 'filters-title' }, 'Find changes'),
    field('audit-service', 'Part of the platform', el('select', { id: 'audit-service', name: 'service' },
      el('option', { value: '' }, 'Every part'),
      SERVICES.map(s => el('option', { value: s.id }, s.label)))),
    field('audit-subject', 'Record id', el('input', { id: 'audit-subject', name: 'subjectId', maxlength: 200,
      autocomplete: 'off' }), 'The id of a venue, memorandum, group, person …'),
    field('audit-actor', 'Changed by (person id)', el('input', { id: 'audit-actor', name: 'actorId', maxlength: 36,
      pattern: '[0-9a-fA-F-]{36}', autocomplete: 'off' })),
    field('audit-from', 'From', el('input', { id: 'audit-from', name: 'from', type: 'date' })),
    field('audit-to', 'Up to and including', el('input', { id: 'audit-to', name: 'to', type: 'date' })),
    el('p', { class: 'actions' }, el('button', { type: 'submit' }, 'Show changes')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const data = new FormData(form);
    const day = name => data.get(name) ? new Date(`${data.get(name)}T00:00:00`) : null;
    const to = day('to');
    if (to) to.setDate(to.getDate() + 1);
    query = { subjectId: data.get('subjectId').trim(), actorId: data.get('actorId').trim(),
      from: day('from')?.toISOString(), to: to?.toISOString() };
    show(data.get('service'));
  });
  return form;
}

async function show(serviceId) {
  cursors = new Map();
  const list = el('ol', { class: 'cards audit-list', 'aria-label': 'Changes, newest first' });
  const status = el('div', { 'aria-live': 'polite' }, el('p', {}, 'Loading…'));
  results.replaceChildren(el('h2', { id: 'results-title' }, 'Changes'), list, status);
  await load(list, SERVICES.filter(s => !serviceId || s.id === serviceId), status);
  announce(`${list.children.length} changes shown.`);
}

const results = el('section', { 'aria-labelledby': 'results-title' });
host.replaceChildren(filters(), results);
show('');
