// Programme-admin reports on the Learning Exchange membership, each with its CSV download.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDate } from '../../dom.js';
import { loadFailed, money, statusLabel, table } from './forms.js';
import { organisationNames, organisationName } from '../../organisations.js';

await shell({ signInRequired: true });
const host = document.getElementById('reports');
const BASE = '/api/membership/admin/reports';

function csv(name, label) {
  return el('p', {}, el('a', { class: 'button secondary', href: `${BASE}/${name}.csv`, download: '' }, label));
}

const names = await organisationNames();

function memberTable(id, caption, rows) {
  if (!rows.length) return el('p', {}, 'None.');
  return table(id, caption, ['Name', 'E-mail', 'Organisation', 'Status', 'Started', 'Expires'],
    rows.map(r => [[r.givenName, r.familyName].filter(Boolean).join(' ') || '—', r.email || '—',
      organisationName(names, r.organisationId), statusLabel(r.status), formatDate(r.startedOn), formatDate(r.expiresOn)]));
}

async function render() {
  let viability, members, due, lapsed, revenue;
  try {
    [viability, members, due, lapsed, revenue] = await Promise.all(['viability', 'members', 'renewals-due', 'lapsed',
      'revenue'].map(name => api(`${BASE}/${name}`)));
  } catch (error) {
    loadFailed(host, error, 'The reports');
    return;
  }
  const byStatus = Object.entries(viability.byStatus || {});
  host.replaceChildren(
    el('section', { 'aria-labelledby': 'viability-title' },
      el('h2', { id: 'viability-title' }, 'Viability'),
      el('p', { class: viability.viable ? 'notice success' : 'notice', 'data-testid': 'viability' },
        `${viability.members} members against a target of ${viability.target}: `,
        viability.viable ? 'the target is met.' : `${viability.shortfall} more needed.`),
      el('label', { for: 'viability-meter' }, 'Progress towards the target'),
      el('meter', { id: 'viability-meter', min: 0, max: viability.target, value: Math.min(viability.members,
        viability.target) }, `${viability.members} of ${viability.target}`),
      csv('viability', 'Download viability as CSV')),
    el('section', { 'aria-labelledby': 'status-title' },
      el('h2', { id: 'status-title' }, 'Members by status'),
      byStatus.length ? table('by-status', 'Memberships by status', ['Status', 'Memberships'],
        byStatus.map(([status, count]) => [statusLabel(status), String(count)])) : el('p', {}, 'No memberships yet.'),
      el('details', {}, el('summary', {}, `Every membership (${members.length})`),
        memberTable('members', 'Every membership', members)),
      csv('members', 'Download members as CSV')),
    el('section', { 'aria-labelledby': 'due-title' },
      el('h2', { id: 'due-title' }, 'Renewals due this month'),
      memberTable('renewals-due', 'Renewals due this month', due),
      csv('renewals-due', 'Download renewals due as CSV')),
    el('section', { 'aria-labelledby': 'lapsed-title' },
      el('h2', { id: 'lapsed-title' }, 'Lapsed'),
      memberTable('lapsed', 'Lapsed memberships', lapsed),
      csv('lapsed', 'Download lapsed memberships as CSV')),
    el('section', { 'aria-labelledby': 'revenue-title' },
      el('h2', { id: 'revenue-title' }, 'Revenue by membership year'),
      revenue.length ? table('revenue', 'Fees paid by membership year', ['Membership year', 'Invoices paid', 'Total'],
        revenue.map(r => [String(r.membershipYear), String(r.invoicesPaid), money(r.total, r.currency)]))
        : el('p', {}, 'No fees paid yet.'),
      csv('revenue', 'Download revenue as CSV')));
}

render();
