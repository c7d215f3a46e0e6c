// The programme report (programme admins): who took part, groups by status, meetings held, attendance, outcomes and
// their dissemination, for one network or all, with the groups' figures as CSV.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDateTime } from '../../dom.js';
import { field, failed, words, table, networkList, fill, areaName } from './common.js';

await shell({ signInRequired: true });
const host = document.getElementById('page');
const networks = await networkList();
const chooser = el('form', { id: 'report-network', class: 'stacked', onsubmit: e => e.preventDefault() },
  field('report', 'networkId', 'Network', { options: [['', 'All networks'], ...networks.map(n => [n.id, n.name])] }));
const report = el('div', { id: 'report', 'aria-live': 'polite' }, el('p', {}, 'Loading…'));
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
  fill(report, 
    el('p', {}, `Generated ${formatDateTime(r.generatedAt)}. `,
      el('a', { class: 'button secondary', href: `/api/exchange/reports/programme.csv${query}`, download: 'programme-report.csv' },
        'Download the groups as CSV')),
    el('h2', {}, 'Summary'),
    el('dl', { class: 'facts', 'data-testid': 'report-summary' },
      el('dt', {}, 'Practitioners involved'), el('dd', {}, String(r.practitionersInvolved)),
      el('dt', {}, 'Organisations involved'), el('dd', {}, String(r.organisationsInvolved.length)),
      el('dt', {}, 'Meetings held'), el('dd', {}, String(r.meetingsHeld)),
      el('dt', {}, 'Attendances'), el('dd', {}, `${r.attendances} (${hours} hours)`),
      el('dt', {}, 'Outcomes published'), el('dd', {}, String(r.outcomesPublished)),
      el('dt', {}, 'Disseminations'), el('dd', {}, `${r.disseminations}, reaching ${r.peopleReached} people`)),
    el('h2', {}, 'Groups by status'),
    table('Groups by status', ['Status', 'Groups'],
      Object.entries(r.groupsByStatus).map(([status, count]) => [words(status), String(count)]), { captionHidden: true }),
    el('h2', {}, 'Organisations involved'),
    r.organisationsInvolved.length
      ? table('Organisations involved', ['Organisation', 'Practitioners'],
          r.organisationsInvolved.map(o => [o.name || o.organisationId, String(o.practitioners)]), { captionHidden: true })
      : el('p', {}, 'None yet.'),
    el('h2', {}, 'Groups'),
    r.groups.length
      ? table('Groups', ['Group', 'Network', 'Kind', 'Area', 'Status', 'Members', 'Meetings held', 'Attendances', 'Outcomes'],
          r.groups.map(g => [g.group, g.network, words(g.kind), areaName(g.area), words(g.status), String(g.members),
            String(g.meetingsHeld), String(g.attendances), String(g.outcomes)]), { captionHidden: true })
      : el('p', {}, 'No groups yet.'));
}

render();
