// Interest in a subject: a signed-in practitioner registers and withdraws interests; anyone else registers with an
// address and consent and confirms it with the link we mail (double opt-in). The links in our mails carry their
// one-time token after # (#confirm=..., #withdraw=...), which never reaches a server's logs; this page posts it.
import { shell } from '../../shell.js';
import { api, signInUrl } from '../../api.js';
import { el, formatDateTime, announce, replaceStatus } from '../../dom.js';
import { field, onSubmit, failed, table, fill, AREAS, areaName } from './common.js';

// a link followed while this page is already open changes only what follows #: take it as a fresh visit
window.addEventListener('hashchange', () => {
  const followed = new URLSearchParams(location.hash.slice(1));
  if (followed.has('confirm') || followed.has('withdraw')) {
    location.reload();
  }
});

const me = await shell();
const host = document.getElementById('page');
const status = el('div', { id: 'interest-status', role: 'status' });

function say(message, ok = true) {
  fill(status, replaceStatus(el('p', { class: `notice ${ok ? 'success' : 'error'}` }, message)));
  announce(message);
}

const link = new URLSearchParams(location.hash.slice(1));
if (link.has('confirm') || link.has('withdraw')) {
  const confirming = link.has('confirm');
  // the token leaves the address bar at once, so it is not bookmarked or shared by accident
  history.replaceState(null, '', location.pathname);
  fill(host, status);
  try {
    const interest = await api(`/api/exchange/interests/${confirming ? 'confirmation' : 'withdrawal'}`,
      { method: 'POST', body: { token: link.get(confirming ? 'confirm' : 'withdraw') } });
    say(confirming
      ? `Thank you: your interest in ${areaName(interest.area)} in ${interest.region} is confirmed. We will tell you once when a group starts.`
      : `Your interest in ${areaName(interest.area)} in ${interest.region} is withdrawn and your address deleted.`);
  } catch (error) {
    say(error.message || 'This link did not work.', false);
  }
} else {
  let regions = [];
  try {
    regions = await api('/api/exchange/interests/regions');
  } catch (error) {
    failed(host, error, 'The regions');
  }
  const areas = el('datalist', { id: 'interest-areas' }, AREAS.map(area => el('option', { value: area })));
  const choices = [['', 'Choose a region'], ...regions.map(region => [region, region])];
  const fields = form => [
    field(form, 'area', 'Subject area', { required: true, hint: 'Such as ESOL, maths or digital skills',
      attributes: { list: 'interest-areas', maxlength: 100, autocomplete: 'off' } }),
    field(form, 'region', 'Region', { required: true, options: choices })];

  if (me.authenticated) {
    const form = el('form', { id: 'interest', class: 'stacked' }, fields('interest'),
      el('button', { type: 'submit' }, 'Register my interest'));
    const mine = el('div', { id: 'my-interests' });
    fill(host, areas, status, form, el('h2', {}, 'Your interests'), mine);
    onSubmit(form, async values => {
      const interest = await api('/api/exchange/me/interests', { method: 'POST', body: values });
      say(`Registered: ${areaName(interest.area)} in ${interest.region}. We will tell you once when a group starts.`);
      form.reset();
      await render(mine);
    });
    await render(mine);
  } else {
    const form = el('form', { id: 'interest-by-email', class: 'stacked' },
      el('p', {}, 'You can ', el('a', { href: '/oauth2/authorization/keycloak',
        onclick: e => { e.preventDefault(); location.assign(signInUrl()); } }, 'sign in'),
        ' to keep your interests with your account, or give an e-mail address.'),
      field('interest-by-email', 'email', 'E-mail address', { type: 'email', required: true,
        attributes: { autocomplete: 'email', maxlength: 254 } }),
      fields('interest-by-email'),
      field('interest-by-email', 'consent', 'I agree to be e-mailed about groups in this area and region',
        { type: 'checkbox', hint: 'We send a link to confirm your address first, and nothing else until you open it. '
          + 'Each mail has a link that withdraws your interest and deletes your address.' }),
      el('button', { type: 'submit' }, 'Send me a confirmation link'));
    fill(host, areas, status, form);
    onSubmit(form, async values => {
      const accepted = await api('/api/exchange/interests/by-email', { method: 'POST', body: values });
      say(accepted.message);
      form.reset();
    });
  }
}

async function render(mine) {
  let interests;
  try {
    interests = await api('/api/exchange/me/interests');
  } catch (error) {
    failed(mine, error, 'Your interests');
    return;
  }
  fill(mine, interests.length
    ? table('Your interests', ['Subject area', 'Region', 'Registered', 'Told of a group', 'Actions'],
        interests.map(interest => [areaName(interest.area), interest.region, formatDateTime(interest.registeredAt),
          interest.toldOfGroupAt ? formatDateTime(interest.toldOfGroupAt) : 'Not yet',
          el('button', { type: 'button', onclick: () => withdraw(interest, mine) }, 'Withdraw',
            el('span', { class: 'visually-hidden' }, ` ${interest.area} in ${interest.region}`))]))
    : el('p', {}, 'You have registered no interest yet.'));
}

async function withdraw(interest, mine) {
  try {
    await api(`/api/exchange/me/interests?${new URLSearchParams({ area: interest.area, region: interest.region })}`,
      { method: 'DELETE' });
    say(`Withdrawn: ${areaName(interest.area)} in ${interest.region}.`);
  } catch (error) {
    say(error.message, false);
  }
  await render(mine);
}
