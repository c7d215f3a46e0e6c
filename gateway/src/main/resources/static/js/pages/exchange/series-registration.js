// Registering once for all of a group's meetings (its members and facilitators): whether the person is, and the button
// to start or stop it. Meetings scheduled later register them too; stopping cancels what it registered them for.
import { api } from '../../api.js';
import { el, formatDate } from '../../dom.js';
import { tell, fill, failed } from './common.js';

/**
 * Shows the person's registration for all of the group's meetings in host.
 * @param options status: where outcomes are told; changed: called after it changed (the meetings' places moved)
 */
export async function renderSeriesRegistration(host, group, { status, changed }) {
  let state;
  try {
    state = await api(`/api/exchange/groups/${group.id}/series-registration`);
  } catch (error) {
    failed(host, error, 'Your registration for all meetings');
    return;
  }
  const open = group.status === 'FORMING' || group.status === 'ACTIVE';
  const act = async action => {
    await tell(status, action, 'That did not work; try again.');
    await changed();
  };
  const start = () => act(async () => {
    const result = await api(`/api/exchange/groups/${group.id}/series-registration`, { method: 'PUT' });
    const waiting = result.meetings.filter(m => m.place === 'WAITLISTED').length;
    return `You are registered for all of ${group.name}'s meetings, and for those scheduled later.`
      + (waiting ? ` ${waiting} of them ${waiting === 1 ? 'is' : 'are'} full: you are on the waitlist there.` : '');
  });
  const stop = () => act(async () => {
    await api(`/api/exchange/groups/${group.id}/series-registration`, { method: 'DELETE' });
    return `You no longer register for all of ${group.name}'s meetings; the registrations it made are cancelled.`;
  });
  fill(host, el('section', { 'aria-labelledby': 'series-heading' },
    el('h3', { id: 'series-heading' }, 'All the group\'s meetings'),
    el('p', { 'data-testid': 'series-state' }, state.registered
      ? [el('span', { class: 'tag' }, 'Registered for all meetings'),
        ` Since ${formatDate(state.since)}: each meeting still to come, and each one scheduled later, keeps you a place `
        + '(or a place on its waitlist when it is full).']
      : 'You register for each meeting on its own. Register for all of them at once to be registered for those still '
        + 'to come and for every meeting scheduled later.'),
    state.registered
      ? el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', onclick: stop },
        'Stop registering for all meetings'))
      : open ? el('div', { class: 'actions' }, el('button', { type: 'button', onclick: start },
        'Register for all meetings')) : null));
}
