// Shared by the exchange pages: accessible forms (labels, hints and errors tied to their controls, an error summary
// that takes focus), the words for the API's constants, and small formatting helpers.
import { el, announce, formatDate, replaceStatus } from '../../dom.js';
import { api, ApiError } from '../../api.js';

export const AREAS = ['Maths', 'English', 'ESOL', 'Digital skills', 'SEND', 'Supporting staff'];

const WORDS = {
  SUBJECT: 'Subject group', THEMATIC: 'Thematic group',
  PROPOSED: 'Proposed', FORMING: 'Forming', ACTIVE: 'Active', REPORTING: 'Reporting', CLOSED: 'Closed',
  GROUP_MEETING: 'Group meeting', LAUNCH_EVENT: 'Launch event', DEVELOPMENT_DAY: 'Development day',
  DISSEMINATION_EVENT: 'Dissemination event', SCHEDULED: 'Scheduled', CANCELLED: 'Cancelled',
  CONFIRMED: 'Confirmed', WAITLISTED: 'On the waitlist',
  ATTENDEE: 'Attendee', FACILITATOR: 'Facilitator', LEAD_FACILITATOR: 'Lead facilitator', OBSERVER: 'Observer',
  REPORT: 'Report', CASE_STUDY: 'Case study', RESOURCE: 'Resource', OTHER: 'Other'
};

/** The words for one of the API's constants. */
export function words(constant) {
  if (!constant) return '';
  return WORDS[constant] || String(constant).charAt(0) + String(constant).slice(1).toLowerCase().replaceAll('_', ' ');
}

/** A subject or theme area as people read it, however it was typed: "maths" shows as "Maths", "SEND" stays. */
export function areaName(area) {
  if (!area) return '';
  const trimmed = String(area).trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** A distance as people read it: "3.4 km". */
export function km(distance) {
  return `${Number(distance).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} km`;
}

/** The query parameter of this page's address. */
export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

/** A meeting's date and time in its own time zone, as "Thu 3 Dec 2026, 16:00 to 18:00 (Europe/London)". */
export function when(meeting) {
  // one way of writing dates everywhere ("Tue 22 Dec 2026, 09:30"); the time zone is named only when it is not the
  // reader's own
  const zone = meeting.timeZone || undefined;
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    timeZone: zone });
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone });
  const starts = new Date(meeting.startsAt);
  const ends = meeting.endsAt ? new Date(meeting.endsAt) : null;
  const readersZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${day.format(starts).replace(',', '')}, ${time.format(starts)}${ends ? ` to ${time.format(ends)}` : ''}`
    + (zone && zone !== readersZone ? ` (${zone})` : '');
}

/** Whether a meeting has begun, and whether it is over (ended, or without an end, begun) by now. */
export function hasStarted(meeting) {
  return new Date(meeting.startsAt).getTime() <= Date.now();
}
export function isPast(meeting) {
  return new Date(meeting.endsAt || meeting.startsAt).getTime() <= Date.now();
}

/** A meeting's state as people say it: scheduled, taking place now, took place, or cancelled. */
export function meetingState(meeting) {
  if (meeting.status === 'CANCELLED') return 'Cancelled';
  if (meeting.recordedAfterwards) return `Took place (recorded afterwards, ${formatDate(meeting.recordedAfterwards.at)})`;
  if (isPast(meeting)) return 'Took place';
  return hasStarted(meeting) ? 'Taking place now' : 'Scheduled';
}

/** Its places: registrations until attendance is recorded, then who attended. */
export function meetingPlaces(meeting, waitingWord = 'waiting') {
  if (meeting.status !== 'CANCELLED' && hasStarted(meeting) && meeting.attended) {
    return `${meeting.attended} attended`;
  }
  if (meeting.status !== 'CANCELLED' && isPast(meeting)) return 'Attendance not recorded yet';
  return `${meeting.capacity - meeting.placesLeft} of ${meeting.capacity} registered`
    + (meeting.waitlisted ? `, ${meeting.waitlisted} ${waitingWord}` : '');
}

/** Where a meeting is: its venue, or online. */
export function where(meeting) {
  if (meeting.venue) return [meeting.venue.name, meeting.venue.address, meeting.venue.postcode].filter(Boolean).join(', ');
  if (meeting.venueName) return meeting.venueName;
  return meeting.onlineUrl || meeting.online ? 'Online' : '';
}

/** Today as yyyy-mm-dd in the person's time zone. */
export function isoToday(offsetDays = 0) {
  const now = new Date(Date.now() + offsetDays * 86400000);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

/**
 * A labelled control in its wrapper; name is the API's field, so that the API's field errors find it.
 * options for a select: [[value, label], ...]. A field that is neither required nor optional but needed only in
 * some cases (its hint says which) is marked conditional: no "(optional)" beside its label.
 */
export function field(form, name, label, { type = 'text', hint, required = false, conditional = false, value, options,
  attributes = {} } = {}) {
  const id = `${form}-${name.replaceAll('.', '-')}`;
  const hintId = hint ? `${id}-hint` : null;
  const common = { id, name, required, 'aria-describedby': hintId, 'data-label': label, ...attributes };
  let control;
  if (options) {
    control = el('select', common, options.map(([optionValue, optionLabel]) =>
      el('option', { value: optionValue, selected: String(optionValue) === String(value ?? '') }, optionLabel)));
  } else if (type === 'textarea') {
    control = el('textarea', { rows: 4, ...common }, value ?? '');
  } else if (type === 'checkbox') {
    control = el('input', { type, ...common, required: false, checked: !!value });
    return el('div', { class: 'field checkbox' }, control, el('label', { for: id }, label),
      hint ? el('span', { class: 'hint', id: hintId }, hint) : null);
  } else {
    control = el('input', { type, value: value ?? '', ...common });
  }
  return el('div', { class: 'field' },
    el('label', { for: id }, label, required || conditional ? null : el('span', { class: 'optional' }, ' (optional)')),
    hint ? el('span', { class: 'hint', id: hintId }, hint) : null, control);
}

function clear(form) {
  form.querySelector(':scope > .error-summary')?.remove();
  form.querySelectorAll('.field-error').forEach(node => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach(control => {
    control.removeAttribute('aria-invalid');
    const rest = (control.getAttribute('aria-describedby') || '').split(' ')
      .filter(id => id && id !== `${control.id}-error`);
    if (rest.length) control.setAttribute('aria-describedby', rest.join(' '));
    else control.removeAttribute('aria-describedby');
  });
}

/** Marks the controls in errors ({ name: message }) and puts focus on a summary linking to them. */
export function showErrors(form, errors, general) {
  clear(form);
  const items = general ? [el('li', {}, general)] : [];
  for (const [name, message] of Object.entries(errors)) {
    const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (!control) {
      items.push(el('li', {}, `${name}: ${message}`));
      continue;
    }
    const label = control.dataset.label || name;
    const text = message.startsWith(label) ? message : `${label}: ${message}`;
    const errorId = `${control.id}-error`;
    control.before(el('span', { class: 'field-error', id: errorId }, text));
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby',
      [...(control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean), errorId].join(' '));
    items.push(el('li', {}, el('a', { href: `#${control.id}`,
      onclick: event => { event.preventDefault(); control.focus(); } }, text)));
  }
  const titleId = `${form.id}-problem`;
  const summary = el('div', { class: 'error-summary', tabindex: '-1', role: 'alert', 'aria-labelledby': titleId },
    el('h2', { id: titleId }, 'There is a problem'), el('ul', {}, items));
  form.prepend(replaceStatus(summary));
  summary.focus();
}

/**
 * Submits the form through handler(values, submitter): the browser's own checks are shown in the same summary as
 * the API's problem details (field errors next to their controls, anything else in the summary).
 */
export function onSubmit(form, handler) {
  form.noValidate = true;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clear(form);
    const local = {};
    for (const control of form.elements) {
      if (!control.name || control.checkValidity()) continue;
      const label = control.dataset.label || control.name;
      local[control.name] = control.validity.valueMissing ? `Enter ${label.toLowerCase()}` : control.validationMessage;
    }
    if (Object.keys(local).length) {
      showErrors(form, local);
      return;
    }
    const values = {};
    for (const control of form.elements) {
      if (control.name) values[control.name] = control.type === 'checkbox' ? control.checked : control.value.trim();
    }
    const button = event.submitter || form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      await handler(values, event.submitter);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fieldErrors = error.fieldErrors;
      showErrors(form, fieldErrors, Object.keys(fieldErrors).length ? null : error.message);
    } finally {
      if (button?.isConnected) button.disabled = false;
    }
  });
}


/** Replaces a node's content; null, false and nested arrays among the children are allowed, as in el(). */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter(child => child !== null && child !== undefined && child !== false));
}

/** A message that stays on the page and is read out. */
export function done(host, message) {
  fill(host, replaceStatus(el('p', { class: 'notice success', role: 'status' }, message)));
  announce(message);
}

/** What could not be loaded, where it would have been. */
export function failed(host, error, what) {
  fill(host, el('p', { class: 'notice error', role: 'alert' },
    error instanceof ApiError ? `${what}: ${error.message}` : `${what} is not available just now.`));
}

/** A table with a caption, column headers and row headers (the first cell of each row). */
export function table(caption, headers, rows, { captionHidden = false } = {}) {
  return el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    el('table', {},
      el('caption', { class: captionHidden ? 'visually-hidden' : null }, caption),
      el('thead', {}, el('tr', {}, headers.map(header => el('th', { scope: 'col' }, header)))),
      el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((cell, index) =>
        index === 0 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell)))))));
}

/** The programme's networks, or none when they cannot be loaded (they only fill choices). */
export async function networkList() {
  try {
    return await api('/api/exchange/networks');
  } catch (error) {
    return [];
  }
}

/** What the page is about (a group, a meeting): on failure the reason shows in host and the page goes no further. */
export async function loadOrStop(host, path, what) {
  try {
    return await api(path);
  } catch (error) {
    failed(host, error, what);
    return new Promise(() => {});
  }
}

/** Runs an action whose result is a message and shows it in host, or the API's problem when it is refused. */
export async function tell(host, action, failure) {
  let message;
  let ok = true;
  try {
    message = await action();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    message = error.message || failure;
    ok = false;
  }
  fill(host, replaceStatus(el('p', { class: `notice ${ok ? 'success' : 'error'}` }, message)));
  announce(message);
}

/** Joins a group (a place, or its waitlist when it is full); the message says which. */
export async function joinGroup(group) {
  const result = await api(`/api/exchange/groups/${group.id}/members`, { method: 'POST' });
  return result.place === 'CONFIRMED' ? `You joined ${group.name}.`
    : `${group.name} is full: you are on its waitlist and get the next free place.`;
}

export async function leaveGroup(group) {
  await api(`/api/exchange/groups/${group.id}/members/me`, { method: 'DELETE' });
  return `You left ${group.name}.`;
}

/**
 * Whose a discussion space is, by name: { name, href, group } for a group's space (href its page), or { name, href }
 * for a network's (href its events) or the Learning Exchange's (href the membership page); the name is "this group" or "this network" when it cannot be loaded.
 */
export async function spaceOwner(space) {
  if (space.kind === 'LEARNING_EXCHANGE') return { name: 'The Learning Exchange', href: '/membership/' };
  if (space.groupId) {
    const group = await api(`/api/exchange/groups/${space.groupId}`).catch(() => null);
    return { name: group?.name || 'this group', href: `/groups/group.html?id=${space.groupId}`, group };
  }
  const network = await api(`/api/exchange/networks/${space.networkId}`).catch(() => null);
  return { name: network?.name || 'this network', href: `/groups/events.html?networkId=${space.networkId}` };
}

/** Where a discussion space is read: its page in the portal. */
export function discussionHref(space) {
  return `/groups/discussion.html?space=${encodeURIComponent(space.id)}`;
}

/** How a discussion post is written: the hint beside every Markdown text box. */
export const markdownHint = 'Written in Markdown: *italic*, **bold**, a line starting with - for a list, > for a '
  + 'quotation, `code`, and [words](https://example.org) for a link. Mention a member: type @ and the start of their name, then choose them from the list.';
