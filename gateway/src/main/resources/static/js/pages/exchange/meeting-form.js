// When and where a meeting is, as people state it: a date, start and end times in a named time zone, and a venue
// offered by a partner organisation or an online link. Control names follow the API's fields (when.startsAt, ...)
// so that its field errors land on the right control.
import { api } from '../../api.js';
import { field } from './common.js';

const ZONES = ['Europe/London', 'Europe/Dublin', 'Europe/Paris', 'UTC'];

/**
 * The venues a meeting may be held at: those the network's meetings (or any network's, without one) used, and for
 * programme admins every venue offered.
 */
export async function venueChoices(me, networkId) {
  const venues = new Map();
  try {
    const network = networkId ? `networkId=${networkId}&` : '';
    const meetings = await api(`/api/exchange/meetings?${network}includePast=true&limit=500`);
    for (const meeting of meetings) if (meeting.venue) venues.set(meeting.venue.id, meeting.venue.name);
  } catch (error) {
    // the meetings only suggest venues; without them the online link remains
  }
  if ((me.roles || []).includes('programme-admin')) {
    try {
      const organisations = await api('/api/membership/organisations');
      const profiles = await Promise.all(organisations.map(o =>
        api(`/api/membership/organisations/${encodeURIComponent(o.id)}`).catch(() => null)));
      for (const profile of profiles.filter(Boolean)) {
        for (const venue of profile.venues || []) {
          if (!venue.withdrawn) venues.set(venue.id, `${venue.name} (${profile.organisation.name}, ${venue.capacity} seats)`);
        }
      }
    } catch (error) {
      // membership-service unavailable: the venues the network used remain
    }
  }
  return [...venues.entries()];
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
      options: [['', 'Online'], ...venues] }),
    field(form, `${prefix}.onlineUrl`, 'Online link', { type: 'url', value: meeting?.onlineUrl || '',
      hint: 'For an online meeting: an address starting with https://' })
  ];
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

