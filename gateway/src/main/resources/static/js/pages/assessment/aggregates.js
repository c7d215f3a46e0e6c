// Anonymised aggregates of self-assessments, for facilitators (their groups), org-admins (their organisation's
// staff) and programme admins (any group, network or organisation). Nobody's own ratings are ever shown.
import { shell, hasRole } from '../../shell.js';
import { api, ApiError } from '../../api.js';
import { el } from '../../dom.js';
import { change } from './shared.js';
import { organisationNames } from '../../organisations.js';

const me = await shell({ signInRequired: true });
const section = location.pathname.split('/')[1];
const choose = document.getElementById('choose');
const host = document.getElementById('aggregate');

function failed(error, what) {
  host.replaceChildren(el('p', { class: 'notice error', role: 'alert' },
    error instanceof ApiError ? `${what}: ${error.message}` : `${what} is not available just now.`));
}

async function show(path, label) {
  host.replaceChildren(el('p', {}, 'Loading…'));
  let aggregate;
  try {
    aggregate = await api(path);
  } catch (error) {
    failed(error, label);
    return;
  }
  const heading = el('h2', { id: 'aggregate-title', tabindex: '-1' }, label);
  const edition = el('p', {}, `Against the ${aggregate.editionName} (${aggregate.editionYear}). `
    + `${aggregate.people} ${aggregate.people === 1 ? 'person has' : 'people have'} assessed themselves; `
    + `${aggregate.reviewed} reviewed since their baseline.`);
  if (aggregate.withheld) {
    host.replaceChildren(heading, edition,
      el('p', { class: 'notice', 'data-testid': 'withheld' }, 'No figures are shown. ', aggregate.reason));
    return;
  }
  const csv = `${path}/aggregate.csv`;
  host.replaceChildren(heading, edition,
    aggregate.changeWithheld ? el('p', { class: 'notice' }, aggregate.reason) : null,
    el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'aggregate-title' },
      el('table', { 'data-testid': 'aggregate-table' },
        el('caption', {}, 'How many people gave each rating in their latest assessment, and the average change '
          + 'since their baselines'),
        el('thead', {}, el('tr', {}, ['Standard', 'Rated 1', 'Rated 2', 'Rated 3', 'Rated 4', 'Rated 5', 'Rated 6',
          'Average change since baseline'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, aggregate.standards.map(row => el('tr', {},
          el('th', { scope: 'row' }, String(row.number)),
          row.distribution.map(count => el('td', {}, String(count))),
          el('td', {}, row.averageChangeSinceBaseline === null || row.averageChangeSinceBaseline === undefined ? '—'
            : change(row.averageChangeSinceBaseline))))))),
    el('p', {}, el('a', { class: 'button secondary', href: csv, download: '' }, 'Download as CSV')));
  heading.focus();
}

function picker(labelText, options, onPick) {
  const select = el('select', { id: 'scope' }, el('option', { value: '' }, 'Choose…'),
    options.map(([value, text]) => el('option', { value }, text)));
  const form = el('form', { class: 'stacked' },
    el('label', { for: 'scope' }, labelText), select,
    el('p', { class: 'actions' }, el('button', { type: 'submit' }, 'Show')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (select.value) onPick(select.value, select.selectedOptions[0].textContent);
  });
  return form;
}

if (section === 'facilitate') {
  try {
    const groups = await api('/api/assessment/aggregates/my-groups');
    if (!groups.length) {
      choose.replaceChildren(el('p', { class: 'notice' }, 'You facilitate no group yet.'));
    } else {
      choose.replaceChildren(picker('Group', groups.map(g => [g.id, g.name]),
        (id, name) => show(`/api/assessment/aggregates/groups/${id}`, name)));
    }
  } catch (error) {
    failed(error, 'Your groups');
  }
} else if (section === 'organisation') {
  if (!me.organisation) {
    choose.replaceChildren(el('p', { class: 'notice' }, 'Your account belongs to no organisation.'));
  } else {
    await show(`/api/assessment/aggregates/organisations/${encodeURIComponent(me.organisation)}`, 'Your staff');
  }
} else if (hasRole(me, 'programme-admin')) {
  const [groups, networks, organisations] = await Promise.all([
    api('/api/exchange/groups?limit=500').catch(() => []), api('/api/exchange/networks').catch(() => []),
    organisationNames()]);
  const organisationPicker = picker('Organisation', [...organisations].sort((a, b) => a[1].localeCompare(b[1])),
    (id, name) => show(`/api/assessment/aggregates/organisations/${encodeURIComponent(id)}`, name));
  organisationPicker.querySelector('select').id = 'organisation';
  organisationPicker.querySelector('label').setAttribute('for', 'organisation');
  const groupPicker = picker('Group', groups.map(g => [g.id, g.name]),
    (id, name) => show(`/api/assessment/aggregates/groups/${id}`, name));
  const networkPicker = picker('Network', networks.map(n => [n.id, n.name]),
    (id, name) => show(`/api/assessment/aggregates/networks/${id}`, name));
  networkPicker.querySelector('select').id = 'network';
  networkPicker.querySelector('label').setAttribute('for', 'network');
  choose.replaceChildren(
    el('h2', {}, 'A group'), groupPicker, el('h2', {}, 'A network'), networkPicker,
    el('h2', {}, 'An organisation'), organisationPicker);
}
