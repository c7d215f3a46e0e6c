// When and where a meeting is, as people state it: a date, start and end times in a named time zone, and a venue
// offered by a partner organisation or an online link. Control names follow the API's fields (when.startsAt, ...)
// so that its field errors land on the right control.
import { api } from '../../api.js';
import { field } from './common.js';

const ZONES = ['Europe/London', 'Europe/Dublin', 'Europe/Paris', 'UTC'];

/**
 * The venues a meeting may be held at: those partner organisations offer now, as each organisation's partnership page
 * lists them (exchange-service's copy of membership's venues), named with their organisation and seats.
 */
export async function venueChoices() {
  try {
    const venues = await api('/api/exchange/venues');
    return venues.map(venue => [venue.id,
      `${venue.name} (${venue.organisationName || venue.organisationId}, ${venue.capacity} seats)`]);
  } catch (error) {
    // the venues only fill a choice; without them the online link remains
    return [];
  }
}

/** The controls of when and where, with values from an existing meeting when rescheduling. */
export function whenFields(form, venues, meeting) {
  const local = meeting ? localParts(meeting) : {};
  return [
    field(form, 'when.date', 'Date', { type: 'date', required: true, value: local.date }),
    field(form, 'when.startsAt', 'Starts at', { type: 'time', required: true, value: local.starts || '16:00' }),
    field(form, 'when.endsAt', 'Ends at', { type: 'time', required: true, value: local.ends || '18:00' }),
    field(form, 'when.timeZone', 'Time zone', { required: true, value: meeting?.timeZone || 'Europe/London',
      options: [...new Set([...(meeting ? [meeting.timeZone] : []), ...ZONES])].map(zone => [zone, zone]) }),
    ...whereFields(form, venues, 'when', meeting)
  ];
}

/**
 * The controls of where: a venue, or an online link.
 * @param prefix what their names start with: 'when', or a row's 'meetings[1].when'
 */
export function whereFields(form, venues, prefix, meeting) {
  return [
    field(form, `${prefix}.venueId`, 'Venue', { value: meeting?.venue?.id || '',
      hint: 'A venue offered by a partner organisation. Choose "Online" and give the link for an online meeting.',
      options: [['', 'Online'], ...venues, ...heldAt(meeting, venues)] }),
    field(form, `${prefix}.onlineUrl`, 'Online link', { type: 'url', value: meeting?.onlineUrl || '',
      hint: 'For an online meeting: an address starting with https://' })
  ];
}

/** A meeting's own venue when it is offered no longer, so that its form still shows where it is. */
function heldAt(meeting, venues) {
  const venue = meeting?.venue;
  return venue && !venues.some(([id]) => id === venue.id) ? [[venue.id, `${venue.name} (no longer offered)`]] : [];
}

/** The API's "when" from the form's values. */
export function whenBody(values) {
  return {
    startsAt: `${values['when.date']}T${values['when.startsAt']}`,
    endsAt: `${values['when.date']}T${values['when.endsAt']}`,
    timeZone: values['when.timeZone'],
    venueId: values['when.venueId'] || null,
    onlineUrl: values['when.onlineUrl'] || null
  };
}

function localParts(meeting) {
  // the API gives offset date-times in the meeting's zone: their first characters are its local date and time
  return { date: meeting.startsAt.slice(0, 10), starts: meeting.startsAt.slice(11, 16), ends: meeting.endsAt.slice(11, 16) };
}

