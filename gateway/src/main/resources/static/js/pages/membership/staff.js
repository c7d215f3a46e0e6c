// An org-admin's view of their own organisation's staff: membership status and CPD hours this year, and the CSV.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { loadFailed, statusLabel, hours } from './forms.js';

const me = await shell({ signInRequired: true });
const host = document.getElementById('staff');

async function render() {
  if (!me.organisation) {
    host.replaceChildren(el('p', { class: 'notice' }, 'Your account belongs to no partner organisation.'));
    return;
  }
  const id = encodeURIComponent(me.organisation);
  let staff;
  try {
    staff = await api(`/api/membership/organisations/${id}/staff`);
  } catch (error) {
    loadFailed(host, error, 'Your staff');
    return;
  }
  const members = staff.filter(s => ['ACTIVE', 'RENEWAL_DUE', 'RENEWAL_SUBMITTED', 'RENEWAL_PAYMENT']
    .includes(s.membershipStatus)).length;
  host.replaceChildren(
    el('p', {}, `${staff.length} ${staff.length === 1 ? 'practitioner' : 'practitioners'} on the platform, ${members} `
      + `of them ${members === 1 ? 'a member' : 'members'} of the Learning Exchange.`),
    staff.length ? el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'staff-caption' },
      el('table', {},
        el('caption', { id: 'staff-caption', class: 'visually-hidden' }, 'Staff participation'),
        el('thead', {}, el('tr', {}, ['Name', 'E-mail', 'Job role', 'Membership', 'CPD hours this year']
          .map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, staff.map(s => el('tr', {},
          el('td', {}, [s.givenName, s.familyName].filter(Boolean).join(' ') || '—'),
          el('td', {}, s.email || '—'), el('td', {}, s.jobRole || '—'),
          el('td', {}, s.membershipStatus ? statusLabel(s.membershipStatus) : 'Not a member'),
          el('td', {}, hours(s.cpdHoursThisYear))))))) : null,
    el('p', {}, el('a', { class: 'button secondary', href: `/api/membership/organisations/${id}/staff.csv`,
      download: '' }, 'Download as CSV')));
}

render();
