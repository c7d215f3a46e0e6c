// What reaches the signed-in person by e-mail, per category: one switch each, saved at once. Everything still appears
// in their notifications on the platform; account and money matters are always e-mailed and say why. The discussion
// digest has a choice of its own: off, daily or weekly (weekly unless the person chose otherwise).
import { shell } from '../shell.js';
import { api, ApiError } from '../api.js';
import { el, announce } from '../dom.js';

await shell({ signInRequired: true });
const host = document.getElementById('preferences');
const status = document.getElementById('preferences-status');

async function render() {
  let choices;
  try {
    choices = await api('/api/notifications/preferences');
  } catch (error) {
    host.replaceChildren(el('p', { class: 'notice error', role: 'alert' },
      error instanceof ApiError ? error.message : 'Your e-mail choices are not available just now.'));
    return;
  }
  host.replaceChildren(digestChoice(choices),
    el('h2', {}, 'Notices by e-mail'),
    el('ul', { class: 'choices-list', 'data-testid': 'email-choices' },
    choices.categories.filter(choice => choice.category !== 'DIGEST').map(choice => {
      const id = `email-${choice.category}`;
      const noteId = `${id}-note`;
      const toggle = el('input', { type: 'checkbox', role: 'switch', id, checked: choice.email,
        disabled: !choice.canSwitchOffEmail, 'aria-describedby': choice.note ? noteId : null });
      toggle.addEventListener('change', () => save(choice, toggle));
      return el('li', { class: 'choice-row' },
        toggle,
        el('label', { for: id }, choice.label),
        choice.note ? el('p', { class: 'hint', id: noteId }, choice.note) : null);
    })),
    el('p', {}, el('a', { href: '/notifications.html' }, 'Back to your notifications')));
}

const FREQUENCIES = [['WEEKLY', 'Weekly, on Monday mornings'], ['DAILY', 'Daily, each morning'], ['OFF', 'Off']];

/** The digest's frequency: a labelled list, saved as soon as it changes. */
function digestChoice(choices) {
  const select = el('select', { id: 'digest-frequency', name: 'discussionDigest', 'aria-describedby': 'digest-hint' },
    FREQUENCIES.map(([value, label]) => el('option', { value, selected: choices.discussionDigest === value }, label)));
  let saved = choices.discussionDigest;
  select.addEventListener('change', async () => {
    select.disabled = true;
    try {
      const after = await api('/api/notifications/preferences', { method: 'PUT',
        body: { discussionDigest: select.value } });
      saved = after.discussionDigest;
      const label = FREQUENCIES.find(([value]) => value === saved)[1];
      const message = saved === 'OFF' ? 'Discussion digest: switched off.'
        : `Discussion digest: ${label.charAt(0).toLowerCase()}${label.slice(1)}.`;
      status.replaceChildren(el('p', { class: 'notice success' }, message));
      announce(message);
    } catch (error) {
      select.value = saved;
      status.replaceChildren(el('p', { class: 'notice error', role: 'alert' },
        error instanceof ApiError ? error.message : 'Your choice could not be saved; try again.'));
    } finally {
      select.disabled = false;
    }
  });
  const form = el('form', { class: 'stacked', 'aria-labelledby': 'digest-heading', onsubmit: event => event.preventDefault() },
    el('h2', { id: 'digest-heading' }, 'Discussion digest'),
    el('div', { class: 'field' },
      el('label', { for: 'digest-frequency' }, 'How often the discussion digest comes'),
      el('span', { class: 'hint', id: 'digest-hint' },
        'One e-mail with the new posts in your groups\' and networks\' discussions since the last one, not your own, '
        + 'each linked to its thread. Weekly unless you choose otherwise; nothing is sent when nothing is new.'),
      select));
  return form;
}

async function save(choice, toggle) {
  toggle.disabled = true;
  try {
    await api('/api/notifications/preferences', { method: 'PUT',
      body: { categories: [{ category: choice.category, email: toggle.checked }] } });
    const message = `${choice.label}: ${toggle.checked ? 'e-mailed to you' : 'no longer e-mailed (still in your notifications)'}.`;
    status.replaceChildren(el('p', { class: 'notice success' }, message));
    announce(message);
  } catch (error) {
    toggle.checked = !toggle.checked;
    status.replaceChildren(el('p', { class: 'notice error', role: 'alert' },
      error instanceof ApiError ? error.message : 'Your choice could not be saved; try again.'));
  } finally {
    toggle.disabled = !choice.canSwitchOffEmail;
  }
}

render();
