// What reaches the signed-in person by e-mail, per category: one switch each, saved at once. Everything still appears
// in their notifications on the platform; account and money matters are always e-mailed and say why.
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
  host.replaceChildren(el('ul', { class: 'choices-list', 'data-testid': 'email-choices' },
    choices.categories.map(choice => {
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
