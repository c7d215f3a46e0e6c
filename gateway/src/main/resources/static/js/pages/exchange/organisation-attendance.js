// Attendance of an organisation's staff at exchange meetings and events: an org-admin sees their own organisation's
// staff only; a programme admin chooses the organisation.
import { shell, hasRole } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDateTime } from '../../dom.js';
import { field, failed, fill, table, words } from './common.js';

const me = await shell({ signInRequired: true });
const host = document.getElementById('page');
const shown = el('div', { id: 'attendance' }, el('p', {}, 'Loading…'));

if (hasRole(me, 'programme-admin')) {
  const organisations = await api('/api/membership/organisations').catch(() => []);
  const chooser = el('form', { id: 'organisation', class: 'stacked', onsubmit: e => e.preventDefault() },
    field('organisation', 'organisationId', 'Organisation', { required: true, value: me.organisation,
      options: organisations.map(o => [o.id, o.name]) }));
  chooser.addEventListener('change', () => render(chooser.querySelector('select').value));
  fill(host, chooser, shown);
  render(chooser.querySelector('select').value || me.organisation);
} else if (hasRole(me, 'org-admin') && me.organisation) {
  fill(host, el('p', { class: 'lead' }, 'The meetings and events your staff attended, in what role and for how long.'),
    shown);
  render(me.organisation);
} else {
  fill(host, el('p', { class: 'notice' }, 'Organisation admins see here the attendance of their own staff.'));
}

async function render(organisationId) {
  if (!organisationId) {
    fill(shown, el('p', {}, 'Choose an organisation.'));
    return;
  }
  let lines;
  try {
    lines = await api(`/api/exchange/organisations/${encodeURIComponent(organisationId)}/attendance`);
  } catch (error) {
    failed(shown, error, 'The attendance');
    return;
  }
  const meetings = new Map(await Promise.all([...new Set(lines.map(l => l.meetingId))].map(id =>
    api(`/api/exchange/meetings/${id}`).then(m => [id, m]).catch(() => [id, null]))));
  const minutes = lines.reduce((sum, l) => sum + l.minutes, 0);
  fill(shown, lines.length
    ? [el('p', { 'data-testid': 'attendance-total' }, `${lines.length} attendance${lines.length === 1 ? '' : 's'}, `
        + `${(minutes / 60).toLocaleString('en-GB', { maximumFractionDigits: 1 })} hours in all.`),
      table('Staff attendance', ['Name', 'Meeting or event', 'Role', 'Minutes', 'Recorded'],
        lines.map(l => [l.displayName || 'Name not known yet', meetings.get(l.meetingId)?.title || 'A meeting',
          words(l.role), String(l.minutes), formatDateTime(l.recordedAt)]))]
    : el('p', {}, 'No attendance of your staff is recorded yet.'));
}
