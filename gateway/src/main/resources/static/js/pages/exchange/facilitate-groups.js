// The groups a facilitator runs (a programme admin runs them all), and proposing a new group.
import { shell, hasRole } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDate } from '../../dom.js';
import { AREAS, field, onSubmit, failed, done, words, isoToday, networkList, fill, areaName } from './common.js';

const me = await shell({ signInRequired: true });
const host = document.getElementById('page');
const list = el('div', { id: 'run-groups' }, el('p', {}, 'Loading…'));
const proposed = el('div', { id: 'proposed', role: 'status' });
fill(host, 
  el('p', { class: 'lead' }, 'Plan your group\'s meetings, record attendance, move it through its lifecycle and '
    + 'publish its outcome.'),
  list, el('h2', {}, 'Propose a group'), proposed, await proposal());

async function groupsIRun() {
  if (hasRole(me, 'programme-admin')) return api('/api/exchange/groups?limit=500');
  const mine = await api('/api/exchange/me/groups');
  const runs = await Promise.all(mine.map(group => api(`/api/exchange/groups/${group.id}/members`)
    .then(() => group).catch(() => null)));
  return runs.filter(Boolean);
}

async function render() {
  let groups;
  try {
    groups = await groupsIRun();
  } catch (error) {
    failed(list, error, 'Your groups');
    return;
  }
  fill(list, groups.length
    ? el('ul', { class: 'cards', 'data-testid': 'run-groups' }, groups.map(group => el('li', { class: 'card' },
        el('h2', {}, el('a', { href: `/facilitate/group.html?id=${group.id}` }, group.name)),
        el('p', {}, el('span', { class: 'tag' }, words(group.status)), ' ', el('span', { class: 'tag' }, areaName(group.area)),
          ` ${group.members} of ${group.capacity} places taken; ${formatDate(group.plannedStart)} to `
          + `${formatDate(group.plannedEnd)}`))))
    : el('p', {}, 'You do not facilitate a group yet. Propose one below, or ask the programme office to add you to a group.'));
}

async function proposal() {
  const networks = await networkList();
  const form = el('form', { id: 'propose', class: 'stacked' },
    field('propose', 'networkId', 'Network', { required: true,
      options: [['', 'Choose a network'], ...networks.map(n => [n.id, n.name])] }),
    field('propose', 'name', 'Name of the group', { required: true }),
    field('propose', 'kind', 'Kind', { required: true, options: [['SUBJECT', 'Subject group'], ['THEMATIC', 'Thematic group']] }),
    field('propose', 'area', 'Subject area', { required: true, hint: `Such as ${AREAS.join(', ')}, or a new one.`,
      attributes: { list: 'propose-areas' } }),
    el('datalist', { id: 'propose-areas' }, AREAS.map(area => el('option', { value: area }))),
    field('propose', 'challenge', 'The challenge or idea it explores', { type: 'textarea', required: true }),
    field('propose', 'capacity', 'Places', { type: 'number', required: true, value: 12,
      attributes: { min: 1, max: 500, inputmode: 'numeric' } }),
    field('propose', 'plannedStart', 'Planned start', { type: 'date', required: true, value: isoToday(14) }),
    field('propose', 'plannedEnd', 'Planned end', { type: 'date', required: true, value: isoToday(14 + 183),
      hint: 'A group runs over 4 to 12 months.' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Propose the group')));
  onSubmit(form, async values => {
    const group = await api('/api/exchange/groups', { method: 'POST', body: {
      ...values, capacity: Number(values.capacity), facilitatorIds: [] } });
    form.reset();
    done(proposed, `Proposed "${group.name}". A programme admin opens it for members.`);
    await render();
  });
  return form;
}

render();
