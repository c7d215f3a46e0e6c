// An org-admin's view of their own organisation's staff: membership status and CPD hours this year, and the CSV.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { loadFailed, statusLabel, hours, success } from './forms.js';

const me = await shell({ signInRequired: true });
const host = document.getElementById('staff');

async function render() {
  if (!me.organisation) {
    host.replaceChildren(el('p', { class: 'notice' }, 'Your account belongs to no partner organisation.'));
    return;
  }
  const id = encodeURIComponent(me.organisation);
  let staff;
  let requests;
  try {
    [staff, requests] = await Promise.all([api(`/api/membership/organisations/${id}/staff`),
      api(`/api/membership/organisations/${id}/staff-requests`)]);
  } catch (error) {
    loadFailed(host, error, 'Your staff');
    return;
  }
  const members = staff.filter(s => ['ACTIVE', 'RENEWAL_DUE', 'RENEWAL_SUBMITTED', 'RENEWAL_PAYMENT']
    .includes(s.membershipStatus)).length;
  host.replaceChildren(
    requestsPart(id, requests),
    el('h2', {}, 'Your staff'),
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

// People whose sign-in names no organisation ask to join one; they become its staff only once an org-admin confirms.
function requestsPart(id, requests) {
  if (!requests.length) return null;
  const status = el('div', { id: 'staff-requests-status' });
  const decide = (request, confirm) => async () => {
    const name = [request.givenName, request.familyName].filter(Boolean).join(' ') || request.email;
    try {
      await api(`/api/membership/organisations/${id}/staff-requests/${request.practitionerId}`
        + (confirm ? '/confirm' : ''), { method: confirm ? 'POST' : 'DELETE' });
      await render();
      success(document.getElementById('staff-requests-status') || status,
        confirm ? `${name} is confirmed as your staff.` : `${name}'s request is declined.`);
    } catch (error) {
      loadFailed(status, error, 'That decision');
    }
  };
  return el('section', { 'aria-labelledby': 'staff-requests-title' },
    el('h2', { id: 'staff-requests-title' }, 'Asking to join your organisation'),
    el('p', {}, 'These people say they are your staff. Confirm only those who are: you will see their participation.'),
    status,
    el('ul', { class: 'cards' }, requests.map(request => {
      const name = [request.givenName, request.familyName].filter(Boolean).join(' ') || '—';
      return el('li', { class: 'card' }, el('h3', {}, name),
        el('p', {}, `${request.email || '—'}${request.jobRole ? `, ${request.jobRole}` : ''}`),
        el('p', { class: 'actions' },
          el('button', { type: 'button', onclick: decide(request, true) }, 'Confirm',
            el('span', { class: 'visually-hidden' }, ` ${name}`)), ' ',
          el('button', { type: 'button', class: 'secondary', onclick: decide(request, false) }, 'Decline',
            el('span', { class: 'visually-hidden' }, ` ${name}`))));
    })));
}

render();
