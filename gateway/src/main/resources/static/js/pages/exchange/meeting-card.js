// A meeting or network event as people see it: when and where, places left, their own registration, and the buttons
// to register, join the waitlist or cancel; registration's outcome is told in the page's status region.
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { tell, when, where, words } from './common.js';

/**
 * @param place the person's place (CONFIRMED, WAITLISTED) or undefined
 * @param options canRegister: whether they may register; runs: whether they run it; status: where outcomes are told;
 *   changed: called after a registration changed
 */
export function meetingCard(meeting, place, { canRegister, runs, status, changed, heading = 'h3' }) {
  const upcoming = new Date(meeting.startsAt).getTime() > Date.now() && meeting.status === 'SCHEDULED';
  const name = () => el('span', { class: 'visually-hidden' }, ` for ${meeting.title}`);
  const act = async action => {
    await tell(status, action, 'That did not work; try again.');
    await changed();
  };
  const register = () => act(async () => {
    const result = await api(`/api/exchange/meetings/${meeting.id}/registrations`, { method: 'POST' });
    return result.place === 'CONFIRMED' ? `You are registered for ${meeting.title}.`
      : `${meeting.title} is full: you are on its waitlist.`;
  });
  const unregister = () => act(async () => {
    await api(`/api/exchange/meetings/${meeting.id}/registrations/me`, { method: 'DELETE' });
    return `Your registration for ${meeting.title} is cancelled.`;
  });
  return el('li', { class: 'card', id: `meeting-${meeting.id}` },
    el(heading, {}, meeting.title),
    meeting.kind !== 'GROUP_MEETING' ? el('p', {}, el('span', { class: 'tag' }, words(meeting.kind)),
      meeting.keySpeaker ? ` Key speaker: ${meeting.keySpeaker}` : '') : null,
    el('p', {}, when(meeting)),
    el('p', {}, meeting.onlineUrl ? ['Online: ', el('a', { href: meeting.onlineUrl, rel: 'noopener' }, meeting.onlineUrl)]
      : where(meeting)),
    meeting.description ? el('p', {}, meeting.description) : null,
    meeting.status === 'CANCELLED'
      ? el('p', { class: 'notice error' }, `Cancelled${meeting.cancelReason ? `: ${meeting.cancelReason}` : ''}`)
      : el('p', {}, upcoming ? `${meeting.placesLeft} of ${meeting.capacity} places left`
        + (meeting.waitlisted ? `, ${meeting.waitlisted} on the waitlist` : '')
        : `This meeting has taken place${meeting.attended ? `: ${meeting.attended} attended` : ''}.`),
    place ? el('p', { 'data-testid': 'registration' }, el('span', { class: 'tag' },
      place === 'CONFIRMED' ? 'You are registered' : 'You are on the waitlist'),
      place === 'WAITLISTED' ? ' You get a place when someone cancels.' : '') : null,
    upcoming && canRegister ? el('div', { class: 'actions' }, place
      ? el('button', { type: 'button', class: 'secondary', onclick: unregister }, 'Cancel my registration', name())
      : el('button', { type: 'button', onclick: register }, meeting.placesLeft > 0 ? 'Register' : 'Join the waitlist',
          name())) : null,
    runs ? el('p', {}, el('a', { href: `/facilitate/meeting.html?id=${meeting.id}` }, 'Attendance and changes',
      name())) : null);
}
