// "Sign in with your organisation" (issue 18): a person types their work e-mail and is sent to their organisation's
// identity provider through the gateway's ?idp= deep link. membership-service answers from the address's domain
// alone (the organisations' registered e-mail domains), so the page learns nothing about who has an account.
import { shell } from '../../shell.js';
import { api, ApiError, signInUrl } from '../../api.js';
import { el } from '../../dom.js';
import { field, onSubmit } from './forms.js';

const me = await shell();
const host = document.getElementById('sign-in');
const returnTo = '/dashboard.html';

function exchangeAccount() {
  return el('a', { href: '/oauth2/authorization/keycloak',
    onclick: e => { e.preventDefault(); location.assign(signInUrl(returnTo)); } }, 'sign in with your Exchange account');
}

if (me.authenticated) {
  host.append(el('p', {}, 'You are signed in. ', el('a', { href: returnTo }, 'Go to your dashboard')));
} else {
  const answer = el('div', { id: 'sign-in-answer' });
  const form = el('form', { class: 'stacked', id: 'work-email', 'aria-label': 'Find your organisation\'s sign-in' },
    field('work-email', 'email', 'Work e-mail', { type: 'email', required: true,
      hint: 'Such as name@college.ac.uk', attributes: { maxlength: 320, autocomplete: 'email' } }),
    el('p', {}, el('button', { type: 'submit' }, 'Continue')));
  onSubmit(form, async values => {
    answer.replaceChildren();
    let provider;
    try {
      provider = await api(`/api/membership/sign-in/provider?email=${encodeURIComponent(values.email)}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        const told = el('p', { class: 'notice', role: 'status', tabindex: '-1' },
          'Your organisation does not sign its staff in with their work account here. Please ', exchangeAccount(),
          '.');
        answer.replaceChildren(told);
        told.focus();
        return;
      }
      throw error;
    }
    answer.replaceChildren(el('p', { class: 'notice success', role: 'status' },
      `Taking you to ${provider.organisationName}'s sign-in…`));
    signInUrl(returnTo); // remembers where to go after signing in
    location.assign(`/oauth2/authorization/keycloak?idp=${encodeURIComponent(provider.alias)}`);
  });
  host.append(form, answer, el('p', {}, 'No work account with a partner organisation? ', exchangeAccount(), '.'));
}
