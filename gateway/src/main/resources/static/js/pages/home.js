import { shell } from '../shell.js';
import { el } from '../dom.js';
import { signInUrl } from '../api.js';

const me = await shell();
const actions = document.getElementById('home-actions');
if (me.authenticated) {
  actions.append(el('p', {}, `Welcome back, ${me.givenName || me.name}. `,
    el('a', { class: 'button', href: '/dashboard.html' }, 'Go to your dashboard')));
} else {
  actions.append(el('p', {},
    el('a', { class: 'button', href: '/oauth2/authorization/keycloak',
      onclick: e => { e.preventDefault(); location.assign(signInUrl('/dashboard.html')); } }, 'Sign in'),
    ' Staff of partner organisations ', el('a', { href: '/sign-in.html' }, 'sign in with their organisation'),
    ', with their own work account.'));
}
