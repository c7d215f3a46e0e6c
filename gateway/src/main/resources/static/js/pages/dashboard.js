// The signed-in person's dashboard: one card per capability they have; each context adds its cards in js/features/.
import { shell, hasRole } from '../shell.js';
import { api, ApiError } from '../api.js';
import { el, formatDate, formatDateTime } from '../dom.js';
import { dashboardCards } from '../features/index.js';
import { journey } from './journey.js';

const me = await shell({ signInRequired: true });
document.getElementById('greeting').textContent = `Welcome, ${me.givenName || me.name}`;

const CARDS = [
  { title: 'Your profile', show: () => true, render: profileCard },
  { title: 'Latest notifications', show: () => true, render: notificationsCard },
  { title: 'Facilitating', show: () => hasRole(me, 'facilitator', 'programme-admin'),
    render: async () => [el('p', {}, 'Schedule your group\'s meetings, record attendance and publish its outcome.'),
      el('p', {}, el('a', { href: '/facilitate/' }, 'Go to facilitation'))] },
  { title: 'Your organisation', show: () => hasRole(me, 'org-admin'),
    render: async () => [el('p', {}, 'Your organisation\'s MoU, the venues it offers and its staff\'s participation.'),
      el('p', {}, el('a', { href: '/organisation/' }, 'Manage your organisation'))] },
  { title: 'Programme administration', show: () => hasRole(me, 'programme-admin'),
    render: async () => [el('p', {}, 'Networks, groups, memberships, renewals and reports.'),
      el('p', {}, el('a', { href: '/admin/' }, 'Go to programme administration'))] },
  ...dashboardCards().map(card => ({ ...card, show: () => card.show(me), render: () => card.render(me) }))
];

const host = document.getElementById('dashboard');
const list = el('ul', { class: 'cards' });
host.replaceChildren(list);
if (hasRole(me, 'practitioner')) {
  // the next step in their journey first: join, self-assess, work in groups, earn the award, keep up membership
  const steps = el('div', {}, el('p', {}, 'Loading your next step…'));
  host.prepend(el('section', { 'aria-labelledby': 'journey-heading', class: 'journey' },
    el('h2', { id: 'journey-heading' }, 'Your journey'), steps));
  journey().then(nodes => steps.replaceChildren(...nodes));
}
for (const card of CARDS.filter(c => c.show())) {
  const body = el('div', {}, el('p', {}, 'Loading…'));
  list.append(el('li', { class: 'card' }, el('h2', {}, card.title), body));
  card.render().then(content => body.replaceChildren(...content)).catch(error => body.replaceChildren(
    el('p', { class: 'notice error', role: 'alert' }, error instanceof ApiError ? error.message : 'Not available just now.')));
}

async function profileCard() {
  const profile = await api('/api/membership/me');
  return [
    el('dl', {},
      el('dt', {}, 'Name'), el('dd', {}, [profile.givenName, profile.familyName].filter(Boolean).join(' ') || me.name),
      el('dt', {}, 'E-mail'), el('dd', {}, profile.email || '—'),
      el('dt', {}, 'Member of the platform since'), el('dd', {}, formatDate(profile.registeredAt)))
  ];
}

async function notificationsCard() {
  const feed = await api('/api/notifications/feed?limit=3');
  if (!feed.items.length) return [el('p', {}, 'Nothing yet.')];
  return [
    el('ul', { class: 'feed' }, feed.items.map(item => el('li', { class: item.read ? '' : 'unread' },
      item.title, el('time', { datetime: item.createdAt }, formatDateTime(item.createdAt))))),
    el('p', {}, el('a', { href: '/notifications.html' }, 'All notifications'))
  ];
}
