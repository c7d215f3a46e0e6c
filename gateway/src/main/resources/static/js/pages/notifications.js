// Everything the platform told the signed-in person, newest first; each can be marked as read.
import { shell } from '../shell.js';
import { api, ApiError } from '../api.js';
import { el, formatDateTime, announce } from '../dom.js';

await shell({ signInRequired: true });
const host = document.getElementById('notifications');

async function render() {
  let feed;
  try {
    feed = await api('/api/notifications/feed?limit=100');
  } catch (error) {
    host.replaceChildren(el('p', { class: 'notice error', role: 'alert' },
      error instanceof ApiError ? error.message : 'Notifications are not available just now.'));
    return;
  }
  const choices = el('p', {}, el('a', { href: '/preferences.html' }, 'Choose what reaches you by e-mail'));
  if (!feed.items.length) {
    host.replaceChildren(el('p', {}, 'You have no notifications yet.'), choices);
    return;
  }
  host.replaceChildren(
    el('p', {}, `${feed.unread} unread.`), choices,
    el('ul', { class: 'feed' }, feed.items.map(item => el('li', { class: item.read ? '' : 'unread' },
      el('h2', {}, item.title),
      el('time', { datetime: item.createdAt }, formatDateTime(item.createdAt)),
      el('p', {}, item.body),
      item.read ? el('span', { class: 'tag' }, 'Read') : el('button', { type: 'button', class: 'secondary',
        onclick: async () => {
          await api(`/api/notifications/feed/${item.id}/read`, { method: 'POST' });
          announce(`Marked "${item.title}" as read`);
          render();
        } }, 'Mark as read', el('span', { class: 'visually-hidden' }, `: ${item.title}`))))));
}
render();
