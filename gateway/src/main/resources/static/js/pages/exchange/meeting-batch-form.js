// Scheduling several of a group's meetings at once (its facilitators, programme admins): a row per meeting (title,
// date, times), rows added with a button, and what they share (time zone, venue or link, places, purpose). The venue or
// link is the same for all of them unless a row says its meeting is held elsewhere and gives its own. All are scheduled
// or none; the group's members get one notice listing them. Row controls are named as the API's fields
// (meetings[1].title), so that its field errors land on the right row.
import { api, ApiError } from '../../api.js';
import { el, announce } from '../../dom.js';
import { field, onSubmit, done, when, fill } from './common.js';
import { whenFields, whereFields } from './meeting-form.js';

const MOST = 12;
const FORM = 'batch';

/**
 * The form; told(meetings) is called with the meetings scheduled, after which the form starts again with two rows.
 * @param venues the venue choices of meeting-form.js's venueChoices
 */
export function meetingBatchForm(group, venues, { host, changed }) {
  const rows = el('div', { id: `${FORM}-rows` });
  const count = el('p', { class: 'hint', id: `${FORM}-count`, 'aria-live': 'polite' });
  const add = el('button', { type: 'button', class: 'secondary', onclick: () => addRow(true) }, 'Add another meeting');
  const remove = el('button', { type: 'button', class: 'secondary', onclick: removeRow }, 'Remove the last meeting');
  const form = el('form', { id: FORM, class: 'stacked' },
    el('p', { class: 'hint' }, `Up to ${MOST} meetings, scheduled together: all of them, or none if one is not right. `
      + 'The group\'s members get one e-mail listing them all.'),
    rows,
    el('div', { class: 'actions' }, add, remove), count,
    field(FORM, 'description', 'What the meetings are for', { type: 'textarea' }),
    // what the meetings share: the time zone, the venue or online link (their date and times are per row)
    whenFields(FORM, venues)[3],
    el('fieldset', { id: `${FORM}-where` },
      el('legend', {}, 'Where the meetings are'),
      el('p', { class: 'hint' }, 'The same venue or online link for all of them, unless a meeting says it is held '
        + 'elsewhere.'),
      ...whereFields(FORM, venues, 'when')),
    field(FORM, 'capacity', 'Places at each meeting', { type: 'number', required: true, value: group.capacity,
      attributes: { min: 1, max: 5000, inputmode: 'numeric' } }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Schedule these meetings')));

  function row(index) {
    const name = `meetings[${index}]`;
    // a meeting held elsewhere: its own venue or link, hidden (and neither checked nor sent) until asked for
    const where = el('fieldset', { id: `${FORM}-where-${index}`, class: 'batch-where', hidden: true, disabled: true },
      el('legend', {}, `Where meeting ${index + 1} is`),
      ...whereFields(FORM, venues, `${name}.when`));
    const elsewhere = field(FORM, `${name}.elsewhere`, 'Held elsewhere: a venue or online link of its own',
      { type: 'checkbox', attributes: { 'aria-controls': where.id } });
    elsewhere.querySelector('input').addEventListener('change', event => {
      where.hidden = where.disabled = !event.target.checked;
      if (event.target.checked) {
        // it starts from what the others share, to change
        for (const part of ['venueId', 'onlineUrl']) {
          const own = where.querySelector(`[name="${name}.when.${part}"]`);
          if (!own.value) own.value = form.querySelector(`[name="when.${part}"]`).value;
        }
      }
    });
    return el('fieldset', { class: 'batch-row' },
      el('legend', {}, `Meeting ${index + 1}`),
      field(FORM, `${name}.title`, 'Title', { required: true }),
      field(FORM, `${name}.when.date`, 'Date', { type: 'date', required: true }),
      field(FORM, `${name}.when.startsAt`, 'Starts at', { type: 'time', required: true, value: '16:00' }),
      field(FORM, `${name}.when.endsAt`, 'Ends at', { type: 'time', required: true, value: '18:00' }),
      elsewhere, where);
  }

  function addRow(focus) {
    const added = row(rows.children.length);
    rows.append(added);
    update();
    if (focus) {
      added.querySelector('input').focus();
      announce(`Meeting ${rows.children.length} added.`);
    }
  }

  function removeRow() {
    rows.lastElementChild?.remove();
    update();
    announce(`${rows.children.length} meetings in the form.`);
  }

  function update() {
    add.disabled = rows.children.length >= MOST;
    remove.disabled = rows.children.length <= 1;
    count.textContent = `${rows.children.length} of at most ${MOST} meetings.`;
  }

  function reset() {
    fill(rows);
    addRow(false);
    addRow(false);
  }

  onSubmit(form, async values => {
    const meetings = [...rows.children].map((_, index) => {
      const name = `meetings[${index}]`;
      const where = values[`${name}.elsewhere`] ? `${name}.when` : 'when';
      return {
        title: values[`${name}.title`],
        description: values.description || null,
        when: {
          startsAt: `${values[`${name}.when.date`]}T${values[`${name}.when.startsAt`]}`,
          endsAt: `${values[`${name}.when.date`]}T${values[`${name}.when.endsAt`]}`,
          timeZone: values['when.timeZone'],
          venueId: values[`${where}.venueId`] || null,
          onlineUrl: values[`${where}.onlineUrl`] || null
        },
        capacity: Number(values.capacity)
      };
    });
    let batch;
    try {
      batch = await api(`/api/exchange/groups/${group.id}/meetings/batch`, { method: 'POST', body: { meetings } });
    } catch (error) {
      if (error instanceof ApiError) error.problem?.errors?.forEach(e => { e.field = control(form, e.field); });
      throw error;
    }
    form.reset();
    reset();
    done(host, `Scheduled ${batch.meetings.length} meetings: `
      + batch.meetings.map(meeting => `"${meeting.title}" on ${when(meeting)}`).join('; ') + '.');
    await changed();
  });
  reset();
  return form;
}

/**
 * The control an error of the API's is shown at: a rule about a whole row (meetings[1]: it ends before it starts) at
 * the row's date, and what the rows share (meetings[1].when.onlineUrl) at the shared control, unless that row's meeting
 * is held elsewhere and has its own.
 */
function control(form, field) {
  const own = form.querySelector(`[name="${CSS.escape(field || '')}"]:enabled`);
  if (own && /\.when\.(venueId|onlineUrl)$/.test(field)) return field;
  const shared = /^meetings\[\d+\]\.(when\.(timeZone|venueId|onlineUrl)|description|capacity)$/.exec(field || '');
  if (shared) return shared[1];
  return /^meetings\[\d+\](\.when)?$/.test(field || '') ? `${field.replace(/\.when$/, '')}.when.date` : field;
}
