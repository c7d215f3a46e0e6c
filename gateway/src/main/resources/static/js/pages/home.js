import { shell } from '../shell.js';
import { el } from '../dom.js';
import { signInUrl, signUpUrl } from '../api.js';

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
    ', with their own work account.'),
  el('p', {}, 'New here? ',
    el('a', { href: '/oauth2/authorization/keycloak?signup',
      onclick: e => { e.preventDefault(); location.assign(signUpUrl('/dashboard.html')); } }, 'Create an account'),
    ' with your e-mail address: we send you a link to confirm it, then your dashboard shows you what to do first.'));
}
