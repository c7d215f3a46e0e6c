// The signed-in practitioner's CPD record: log an activity, change or remove their own, write reflections on
// attended meetings, the year's summary by type and its CSV and JSON downloads.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDate } from '../../dom.js';
import { field, onSubmit, loadFailed, humanise, today, clearErrors, hours, confirmInline, saveVersioned, notice }
  from './forms.js';

await shell({ signInRequired: true });
const host = document.getElementById('cpd');
const logHost = document.getElementById('cpd-log');
const TYPES = ['COURSE', 'READING', 'ACTION_RESEARCH', 'COACHING_OR_MENTORING', 'OBSERVATION', 'GROUP_MEETING',
  'LAUNCH_EVENT', 'DEVELOPMENT_DAY', 'DISSEMINATION_EVENT', 'AWARD', 'OTHER'];
const hoursText = value => `${hours(value)} ${Number(value) === 1 ? 'hour' : 'hours'}`;
const params = new URLSearchParams(location.search);
const thisYear = new Date().getFullYear();
const year = Number(params.get('year')) || thisYear;

/** The form logs a new activity, or changes one when given it. */
function activityForm(activity) {
  const editing = !!activity;
  const selfLogged = !activity || activity.source === 'SELF';
  const prefix = editing ? `edit-${activity.id}` : 'log';
  const titleId = `${prefix}-heading`;
  const form = el('form', { class: 'stacked', id: `${prefix}-form`, 'aria-labelledby': titleId },
    el('h2', { id: titleId, tabindex: '-1' }, editing ? `Change “${activity.title}”` : 'Log an activity'),
    selfLogged ? [
      field(prefix, 'type', 'Type of activity', { required: true, value: activity?.type || 'COURSE',
        options: TYPES.map(t => [t, humanise(t)]) }),
      field(prefix, 'title', 'What you did', { required: true, value: activity?.title,
        attributes: { maxlength: 300 } }),
      field(prefix, 'occurredOn', 'Date', { type: 'date', required: true, value: activity?.occurredOn || today() }),
      field(prefix, 'hours', 'Hours', { type: 'number', required: true, value: activity?.hours,
        hint: 'To the quarter hour is enough, for example 1.5', attributes: { min: 0, max: 200, step: 0.01,
          inputmode: 'decimal' } })
    ] : el('p', {}, `${humanise(activity.type)} on ${formatDate(activity.occurredOn)}, ${hoursText(activity.hours)}, `
      + 'recorded by the platform. You can add your reflection and evidence.'),
    field(prefix, 'reflection', 'Your reflection', { type: 'textarea', value: activity?.reflection,
      required: !selfLogged, hint: 'What you took from it for your practice. Renewal asks for at least one.',
      attributes: { maxlength: 10000 } }),
    field(prefix, 'evidenceLink', 'Link to evidence', { type: 'url', value: activity?.evidenceLink,
      hint: 'An address starting with https://, for example a certificate or your notes',
      attributes: { maxlength: 1000 } }),
    el('p', { class: 'actions' }, el('button', { type: 'submit' }, editing ? 'Save changes' : 'Log activity'),
      editing ? [' ', el('button', { type: 'button', class: 'secondary', onclick: () => render() }, 'Cancel')] : null));
  onSubmit(form, async values => {
    const body = { ...values, hours: Number(values.hours), reflection: values.reflection || null,
      evidenceLink: values.evidenceLink || null };
    if (!editing) {
      await api('/api/membership/me/cpd', { method: 'POST', body });
      form.reset();
      clearErrors(form);
      await render(`Logged “${values.title}”.`);
    } else if (selfLogged) {
      if (await saveVersioned(`/api/membership/me/cpd/${activity.id}`, { body, version: activity.version },
        reloadChanged)) {
        await render(`Saved “${values.title}”.`);
      }
    } else if (await saveVersioned(`/api/membership/me/cpd/${activity.id}/reflection`, {
      body: { reflection: body.reflection, evidenceLink: body.evidenceLink }, version: activity.version },
    reloadChanged)) {
      await render(`Saved your reflection on “${activity.title}”.`);
    }
  });
  return form;
}

/** After an edit met a change made elsewhere (412): the current record, and why the edit is not in it. */
const reloadChanged = message => render(message, true);

async function render(message, warning = false) {
  let summary;
  try {
    summary = await api(`/api/membership/me/cpd?year=${year}`);
  } catch (error) {
    loadFailed(host, error, 'Your CPD record');
    return;
  }
  if (!logHost.firstChild) logHost.append(activityForm());
  const status = message ? notice(message, { warning }) : null;
  const byType = Object.entries(summary.hoursByType || {});
  host.replaceChildren(
    el('section', { 'aria-labelledby': 'summary-title' },
      el('h2', { id: 'summary-title' }, `Your CPD in ${year}`),
      status,
      el('p', { 'data-testid': 'cpd-total' }, `${hoursText(summary.totalHours)}, ${summary.reflections} `
        + `${summary.reflections === 1 ? 'activity' : 'activities'} with a written reflection.`),
      byType.length ? el('ul', {}, byType.map(([type, typeHours]) => el('li', {}, `${humanise(type)}: ${hoursText(typeHours)}`)))
        : null,
      el('p', { class: 'actions' },
        el('a', { class: 'button secondary', href: `/api/membership/me/cpd/summary.csv?year=${year}`, download: '' },
          `Download ${year} as CSV`), ' ',
        el('a', { class: 'button secondary', href: `/api/membership/me/cpd/summary?year=${year}`, download: '' },
          `Download ${year} as JSON`)),
      el('nav', { 'aria-label': 'Other years' }, el('ul', { class: 'inline' },
        [year - 1, year + 1].filter(y => y <= thisYear).map(y => el('li', {},
          el('a', { href: `?year=${y}` }, `CPD in ${y}`)))))),
    el('section', { 'aria-labelledby': 'activities-title' },
      el('h2', { id: 'activities-title' }, 'Activities'),
      summary.activities.length ? activities(summary.activities) : el('p', {}, `Nothing recorded in ${year} yet.`)));
  status?.focus();
}

function activities(list) {
  return el('ul', { class: 'activities' }, [...list].reverse().map(a => {
    const item = el('li', { class: 'card' },
      el('h3', {}, a.title),
      el('p', {}, `${humanise(a.type)} · ${formatDate(a.occurredOn)} · ${hoursText(a.hours)}`,
        a.source !== 'SELF' ? el('span', { class: 'tag' }, a.source === 'ATTENDANCE' ? 'Attended' : 'Award') : null),
      a.reflection ? el('p', { class: 'reflection' }, a.reflection) : el('p', { class: 'muted' }, 'No reflection yet.'),
      a.evidenceLink ? el('p', {}, el('a', { href: a.evidenceLink, rel: 'noopener noreferrer' },
        'Evidence', el('span', { class: 'visually-hidden' }, ` for ${a.title}`))) : null);
    const change = el('button', { type: 'button', class: 'secondary' },
      a.source === 'SELF' ? 'Change' : 'Add reflection', el('span', { class: 'visually-hidden' }, ` “${a.title}”`));
    change.addEventListener('click', () => {
      const form = activityForm(a);
      item.replaceChildren(form);
      form.querySelector('h2').focus();
    });
    const actions = el('p', { class: 'actions' }, change);
    if (a.source === 'SELF') {
      const remove = el('button', { type: 'button', class: 'secondary' }, 'Remove',
        el('span', { class: 'visually-hidden' }, ` “${a.title}”`));
      remove.addEventListener('click', () => confirmInline(actions, {
        question: `Remove ${a.title}?`, yes: `Yes, remove “${a.title}”`, no: 'Keep it', askedBy: remove,
        what: 'Removing the activity',
        onYes: async () => {
          if (await saveVersioned(`/api/membership/me/cpd/${a.id}`, { method: 'DELETE', version: a.version },
            reloadChanged)) {
            await render(`Removed “${a.title}”.`);
          }
        }
      }));
      actions.append(' ', remove);
    }
    item.append(actions);
    return item;
  }));
}

render();
