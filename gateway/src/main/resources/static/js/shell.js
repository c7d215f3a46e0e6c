// The portal's frame on every page: skip link, header with who is signed in and their organisation, navigation by
// role, the notification bell, sign-in and sign-out. A page calls shell() first and gets the session back.
import { api, session, signInUrl, signUpUrl, csrfToken } from './api.js';
import { el, formatDateTime, announce } from './dom.js';
import { navigation as featureNavigation } from './features/index.js';

const ROLE_NAMES = {
  practitioner: 'Practitioner', facilitator: 'Facilitator', assessor: 'Assessor',
  'org-admin': 'Organisation admin', 'programme-admin': 'Programme admin'
};

/** Sections of the portal, and who sees them in the navigation; each context adds its own (js/features/). */
const NAVIGATION = () => [
  { href: '/', label: 'Home', public: true },
  ...featureNavigation().filter(item => item.public),
  { href: '/dashboard.html', label: 'Dashboard' },
  ...featureNavigation().filter(item => !item.public),
  { href: '/notifications.html', label: 'Notifications' },
  { href: '/facilitate/', label: 'Facilitate', roles: ['facilitator', 'programme-admin'] },
  { href: '/organisation/', label: 'My organisation', roles: ['org-admin'] },
  { href: '/admin/', label: 'Programme admin', roles: ['programme-admin'] }
];

export function hasRole(me, ...roles) {
  return !!me?.authenticated && roles.some(role => (me.roles || []).includes(role));
}

/**
 * Renders the frame around the page's <main id="main">.
 * @param {{signInRequired?: boolean}} options a page that needs a signed-in person sends others to sign in
 */
export async function shell({ signInRequired = false } = {}) {
  const me = await session();
  if (signInRequired && !me.authenticated) {
    location.assign(signInUrl());
    return new Promise(() => {});
  }
  returnAfterSignIn(me);
  // the skip link is in the layout the gateway serves every page in (ADR 0017), so that it works before any script runs
  const skip = document.querySelector('.skip-link');
  const frame = [header(me), navigation(me)];
  if (skip) skip.after(...frame); else document.body.prepend(...frame);
  document.body.append(el('footer', { class: 'site-footer' },
    el('p', {}, 'Exchange: practitioner-led professional learning in further education.')));
  if (me.authenticated) bell();
  return me;
}

function header(me) {
  const bar = el('div', { class: 'bar' }, el('a', { class: 'brand', href: '/' }, 'Exchange'));
  if (me.authenticated) {
    const organisation = el('span', { class: 'organisation', 'data-testid': 'organisation' },
      me.organisation ? me.organisation : 'No organisation');
    if (me.organisation) organisationName(me.organisation).then(name => { if (name) organisation.textContent = name; });
    bar.append(el('div', { class: 'who' },
      el('div', { id: 'bell', class: 'bell' }),
      el('div', { class: 'person' },
        el('span', { class: 'visually-hidden' }, 'Signed in as '),
        el('strong', { 'data-testid': 'person' }, me.name || me.username),
        organisation,
        el('span', { class: 'organisation', 'data-testid': 'roles' },
          (me.roles || []).filter(r => ROLE_NAMES[r]).map(r => ROLE_NAMES[r]).join(', '))),
      signOutForm()));
  } else {
    bar.append(el('div', { class: 'who' },
      el('a', { class: 'button secondary', href: '/oauth2/authorization/keycloak?signup',
        onclick: e => { e.preventDefault(); location.assign(signUpUrl()); } }, 'Create an account'),
      el('a', { class: 'button', href: '/oauth2/authorization/keycloak',
        onclick: e => { e.preventDefault(); location.assign(signInUrl(afterSignIn())); } }, 'Sign in')));
  }
  return el('header', { class: 'site-header' }, bar);
}

/** Signing in from a public page leads on to the dashboard; from any other page, back to it. */
function afterSignIn() {
  const here = location.pathname;
  return ['/', '/index.html', '/signed-out.html'].includes(here) || here.startsWith('/error/')
    ? '/dashboard.html' : here + location.search;
}

function signOutForm() {
  const token = el('input', { type: 'hidden', name: '_csrf', value: csrfToken() });
  return el('form', { method: 'post', action: '/logout', onsubmit: () => { token.value = csrfToken(); } },
    token, el('button', { type: 'submit', class: 'button secondary' }, 'Sign out'));
}

function navigation(me) {
  const here = location.pathname.replace(/index\.html$/, '');
  const visible = NAVIGATION()
    .filter(item => item.public || (me.authenticated && (!item.roles || hasRole(me, ...item.roles))));
  // the current page is the entry with the longest address that leads to it, and only that one
  const current = visible
    .filter(item => item.href === here || (item.href.endsWith('/') && item.href !== '/' && here.startsWith(item.href)))
    .sort((a, b) => b.href.length - a.href.length)[0];
  const items = visible.map(item => el('li', {}, el('a', {
    href: item.href,
    'aria-current': item === current ? 'page' : null
  }, item.label)));
  // the menu button shows only at phone width (CSS); it folds the list away until asked for
  const menu = el('button', { type: 'button', class: 'menu-button', 'aria-expanded': 'false',
    'aria-controls': 'site-nav-list' }, 'Menu');
  menu.addEventListener('click', () => menu.setAttribute('aria-expanded',
    String(menu.getAttribute('aria-expanded') !== 'true')));
  return el('nav', { class: 'site-nav', 'aria-label': 'Main' }, menu, el('ul', { id: 'site-nav-list' }, items));
}

/** The name of the signed-in person's organisation, from their own profile (anyone may read their own). */
async function organisationName(id) {
  try {
    const profile = await api('/api/membership/me');
    return profile?.organisationId === id ? profile.organisationName : null;
  } catch (e) {
    return null;
  }
}

/** After signing in Keycloak brings people back to the portal's root: take them on to the page they wanted. */
function returnAfterSignIn(me) {
  const returnTo = sessionStorage.getItem('exchange.returnTo');
  if (me.authenticated && returnTo) {
    sessionStorage.removeItem('exchange.returnTo');
    if (returnTo !== location.pathname + location.search && returnTo.startsWith('/') && !returnTo.startsWith('//')) {
      location.replace(returnTo);
    }
  }
}

async function bell() {
  const host = document.getElementById('bell');
  const count = el('span', { class: 'bell-count', 'data-testid': 'unread' }, '0');
  // the button's name is its visible text plus words for screen readers (WCAG 2.5.3: the name contains the label)
  const state = el('span', { class: 'visually-hidden' }, ' unread');
  const button = el('button', { type: 'button', class: 'bell-button', 'aria-expanded': 'false',
    'aria-controls': 'bell-panel' }, 'Notifications ', count, state);
  const panel = el('div', { id: 'bell-panel', class: 'bell-panel', hidden: true });
  host.append(button, panel);
  let feed = { items: [], unread: 0 };
  const refresh = async () => {
    try {
      feed = await api('/api/notifications/feed?limit=5');
      count.textContent = String(feed.unread);
      state.textContent = ' unread';
    } catch (e) {
      count.textContent = '?';
      state.textContent = ' (not available just now)';
    }
  };
  const close = () => { panel.hidden = true; button.setAttribute('aria-expanded', 'false'); };
  button.addEventListener('click', () => {
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      panel.replaceChildren(
        el('h2', { class: 'visually-hidden' }, 'Latest notifications'),
        feed.items.length
          ? el('ul', { class: 'feed' }, feed.items.map(item => el('li', { class: item.read ? '' : 'unread' },
              item.title, el('time', { datetime: item.createdAt }, formatDateTime(item.createdAt)))))
          : el('p', {}, 'Nothing new.'),
        el('p', {}, el('a', { href: '/notifications.html' }, 'All notifications')));
      panel.querySelector('a')?.focus();
    }
  });
  document.addEventListener('keydown', e => { if (e.key === 'Escape' && !panel.hidden) { close(); button.focus(); } });
  document.addEventListener('click', e => { if (!host.contains(e.target)) close(); });
  await refresh();
  announce(feed.unread ? `You have ${feed.unread} unread notifications` : '');
}
