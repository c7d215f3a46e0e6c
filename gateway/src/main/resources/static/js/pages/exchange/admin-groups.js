// Groups across the programme (programme admins): filter by network and status, open proposed groups for members,
// and go on to run any group.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDate } from '../../dom.js';
import { field, failed, words, table, networkList, tell, fill } from './common.js';

await shell({ signInRequired: true });
const host = document.getElementById('page');
const networks = await networkList();
const networkName = id => networks.find(n => n.id === id)?.name || '—';
const filters = el('form', { id: 'filters', class: 'stacked', onsubmit: e => e.preventDefault() },
  field('filters', 'networkId', 'Network', { options: [['', 'All networks'], ...networks.map(n => [n.id, n.name])] }),
  field('filters', 'status', 'Status', { value: '', options: [['', 'Any status'],
    ...['PROPOSED', 'FORMING', 'ACTIVE', 'REPORTING', 'CLOSED'].map(s => [s, words(s)])] }));
const status = el('div', { id: 'groups-status', role: 'status' });
const list = el('div', { id: 'groups' });
fill(host, 
  el('p', {}, 'Facilitators propose groups; you open them for members. ',
    el('a', { href: '/facilitate/groups.html' }, 'Propose a group yourself'), '.'),
  filters, status, list);
filters.addEventListener('change', render);

async function render() {
  const query = new URLSearchParams({ limit: '500' });
  for (const name of ['networkId', 'status']) {
    const value = filters.querySelector(`[name="${name}"]`).value;
    if (value) query.set(name, value);
  }
  let groups;
  try {
    groups = await api(`/api/exchange/groups?${query}`);
    // every group the filters name; those waiting to be opened for members first
    groups.sort((a, b) => (b.status === 'PROPOSED') - (a.status === 'PROPOSED'));
  } catch (error) {
    failed(list, error, 'The groups');
    return;
  }
  fill(list, groups.length
    ? table(`${groups.length} group${groups.length === 1 ? '' : 's'}`,
        ['Group', 'Network', 'Area', 'Status', 'Facilitators', 'Members', 'Span', 'Actions'],
        groups.map(g => [g.name, networkName(g.networkId), g.area, words(g.status), String(g.facilitators),
          `${g.members} of ${g.capacity}`, `${formatDate(g.plannedStart)} to ${formatDate(g.plannedEnd)}`,
          el('div', { class: 'actions' },
            g.status === 'PROPOSED' ? el('button', { type: 'button', onclick: () => open(g) }, 'Open for members',
              el('span', { class: 'visually-hidden' }, ` ${g.name}`)) : null,
            el('a', { href: `/facilitate/group.html?id=${g.id}` }, 'Run', el('span', { class: 'visually-hidden' }, ` ${g.name}`)))]))
    : el('p', {}, 'No groups match.'));
}

async function open(group) {
  await tell(status, async () => {
    await api(`/api/exchange/groups/${group.id}/open`, { method: 'POST' });
    return `${group.name} is open for members.`;
  }, 'Opening the group failed; try again.');
  await render();
}

render();
