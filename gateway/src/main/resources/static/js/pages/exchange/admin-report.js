// The programme report (programme admins): who took part, groups by status, meetings held, attendance, outcomes and
// their dissemination, for one network or all; the groups' figures a page at a time (the API's cursor), and all of
// them as CSV.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDateTime } from '../../dom.js';
import { field, failed, words, table, networkList, fill, areaName } from './common.js';

const PAGE_SIZE = 25;
const count = n => n.toLocaleString('en-GB');

await shell({ signInRequired: true });
const host = document.getElementById('page');
const networks = await networkList();
const chooser = el('form', { id: 'report-network', class: 'stacked', onsubmit: e => e.preventDefault() },
  field('report', 'networkId', 'Network', { options: [['', 'All networks'], ...networks.map(n => [n.id, n.name])] }));
const report = el('div', { id: 'report' }, el('p', {}, 'Loading…'));
fill(host, chooser, report);
chooser.addEventListener('change', render);

async function render() {
  const networkId = chooser.querySelector('select').value;
  const query = networkId ? `?networkId=${encodeURIComponent(networkId)}` : '';
  let r;
  try {
    r = await api(`/api/exchange/reports/programme${query}`);
  } catch (error) {
    failed(report, error, 'The report');
    return;
  }
  const hours = (r.minutesAttended / 60).toLocaleString('en-GB', { maximumFractionDigits: 1 });
  const groupCount = Object.values(r.groupsByStatus).reduce((sum, n) => sum + n, 0);
  const groups = el('section', { id: 'report-groups', 'aria-labelledby': 'groups-heading' },
    el('h2', { id: 'groups-heading', tabindex: '-1' }, 'Groups'));
  fill(report,
    el('p', {}, `Generated ${formatDateTime(r.generatedAt)}. `,
      el('a', { class: 'button secondary', href: `/api/exchange/reports/programme.csv${query}`, download: 'programme-report.csv' },
        'Download the groups as CSV')),
    el('h2', {}, 'Summary'),
    el('dl', { class: 'facts', 'data-testid': 'report-summary' },
      el('dt', {}, 'Practitioners involved'), el('dd', {}, count(r.practitionersInvolved)),
      el('dt', {}, 'Organisations involved'), el('dd', {}, count(r.organisationsInvolved.length)),
      el('dt', {}, 'Groups'), el('dd', {}, count(groupCount)),
      el('dt', {}, 'Meetings held'), el('dd', {}, count(r.meetingsHeld)),
      el('dt', {}, 'Attendances'), el('dd', {}, `${count(r.attendances)} (${hours} hours)`),
      el('dt', {}, 'Outcomes published'), el('dd', {}, count(r.outcomesPublished)),
      el('dt', {}, 'Disseminations'), el('dd', {}, `${count(r.disseminations)}, reaching ${count(r.peopleReached)} people`)),
    el('h2', {}, 'Groups by status'),
    table('Groups by status', ['Status', 'Groups'],
      Object.entries(r.groupsByStatus).map(([status, n]) => [words(status), count(n)]), { captionHidden: true }),
    el('h2', {}, 'Organisations involved'),
    r.organisationsInvolved.length
      ? table('Organisations involved', ['Organisation', 'Practitioners'],
          r.organisationsInvolved.map(o => [o.name || o.organisationId, count(o.practitioners)]), { captionHidden: true })
      : el('p', {}, 'None yet.'),
    groups);
  await groupPages(groups, networkId, groupCount);
}

// The groups a page at a time: the API gives each page's `next` cursor, kept here so that Previous goes back.
async function groupPages(section, networkId, total) {
  const status = el('p', { id: 'groups-status', role: 'status' });
  const lines = el('div', { id: 'groups-lines' });
  const nav = el('nav', { class: 'actions', 'aria-label': 'Pages of groups' });
  section.append(status, lines, nav);
  const cursors = [null];
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  async function show(index, focus) {
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (networkId) params.set('networkId', networkId);
    if (cursors[index]) params.set('after', cursors[index]);
    let page;
    try {
      page = await api(`/api/exchange/reports/programme/groups?${params}`);
    } catch (error) {
      failed(lines, error, 'The groups');
      return;
    }
    if (page.next) cursors[index + 1] = page.next;
    const first = index * PAGE_SIZE + 1;
    const last = index * PAGE_SIZE + page.groups.length;
    fill(lines, page.groups.length
      ? table('Groups', ['Group', 'Network', 'Kind', 'Area', 'Status', 'Members', 'Meetings held', 'Attendances', 'Outcomes'],
          page.groups.map(g => [g.group, g.network, words(g.kind), areaName(g.area), words(g.status), count(g.members),
            count(g.meetingsHeld), count(g.attendances), count(g.outcomes)]), { captionHidden: true })
      : el('p', {}, 'No groups yet.'));
    fill(nav,
      index > 0 ? el('button', { type: 'button', class: 'secondary', onclick: () => show(index - 1, true) },
        'Previous page', el('span', { class: 'visually-hidden' }, ' of groups')) : null,
      page.next ? el('button', { type: 'button', class: 'secondary', onclick: () => show(index + 1, true) },
        'Next page', el('span', { class: 'visually-hidden' }, ' of groups')) : null);
    status.textContent = page.groups.length
      ? `Groups ${count(first)} to ${count(last)} of ${count(Math.max(total, last))}, page ${index + 1} of ${count(pages)}.`
      : '';
    if (focus) section.querySelector('#groups-heading').focus();
  }

  await show(0, false);
}

render();
