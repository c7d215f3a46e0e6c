// The signed-in person's profile: complete it (job role, organisation, region, specialisms, consents), download
// everything the platform holds about them, and ask for erasure after a confirmation step.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDate, formatDateTime } from '../../dom.js';
import { field, onSubmit, success, loadFailed, humanise } from './forms.js';

await shell({ signInRequired: true });
const host = document.getElementById('profile');
const dataHost = document.getElementById('your-data');

async function render(message) {
  let profile;
  let organisations;
  try {
    [profile, organisations] = await Promise.all([api('/api/membership/me'), api('/api/membership/organisations')]);
  } catch (error) {
    loadFailed(host, error, 'Your profile');
    return;
  }
  if (profile.erasedAt) {
    host.replaceChildren(el('p', { class: 'notice' },
      `Your personal data was erased on ${formatDateTime(profile.erasedAt)} at your request.`));
    dataHost.replaceChildren();
    return;
  }
  const status = el('div', {});
  if (message) status.append(el('p', { class: 'notice success', role: 'status' }, message));
  else if (!profile.profileComplete) {
    status.append(el('p', { class: 'notice' }, 'Complete your profile so that the programme can match you with groups and '
      + 'so that you can apply for Learning Exchange membership.'));
  }
  const form = el('form', { class: 'stacked', id: 'profile-form', 'aria-labelledby': 'profile-form-title' },
    el('h2', { id: 'profile-form-title' }, 'Your details'),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Name'), el('dd', {}, [profile.givenName, profile.familyName].filter(Boolean).join(' ') || '—'),
      el('dt', {}, 'E-mail'), el('dd', {}, profile.email || '—'),
      el('dt', {}, 'On the platform since'), el('dd', {}, formatDate(profile.registeredAt))),
    field('profile', 'jobRole', 'Job role', { required: true, value: profile.jobRole,
      hint: 'For example, Curriculum manager or Lecturer in health and social care',
      attributes: { maxlength: 200, autocomplete: 'organization-title' } }),
    organisationPart(profile, organisations),
    field('profile', 'region', 'Region', { value: profile.region, hint: 'For example, West Midlands',
      attributes: { maxlength: 100 } }),
    field('profile', 'specialisms', 'Subject specialisms', { value: (profile.specialisms || []).join(', '),
      hint: 'Separate them with commas, for example: Construction, English, Maths' }),
    el('fieldset', {},
      el('legend', {}, 'What you agree to'),
      field('profile', 'newsletterConsent', 'Send me the quarterly Learning Exchange newsletter',
        { type: 'checkbox', value: profile.newsletterConsent }),
      field('profile', 'nameOnOutcomesConsent', 'Show my name on the outcomes my groups publish',
        { type: 'checkbox', value: profile.nameOnOutcomesConsent,
          hint: 'Without it your contributions are shown without your name.' })),
    el('p', {}, el('button', { type: 'submit' }, 'Save your profile')));
  onSubmit(form, async values => {
    const saved = await api('/api/membership/me/profile', { method: 'PUT', body: {
      jobRole: values.jobRole,
      requestedOrganisationId: values.requestedOrganisationId || null,
      region: values.region || null,
      specialisms: values.specialisms.split(',').map(s => s.trim()).filter(Boolean),
      newsletterConsent: values.newsletterConsent,
      nameOnOutcomesConsent: values.nameOnOutcomesConsent
    } });
    await render(`Your profile is saved${saved.profileComplete ? ' and complete' : ''}.`);
    document.querySelector('#profile .notice')?.focus();
  });
  host.replaceChildren(status, form, el('p', {}, el('a', { href: '/membership/' }, 'Your Learning Exchange membership')));
  renderData();
}

// The organisation is not the person's to choose: it comes from their sign-in, or they ask to join one and its
// org-admin confirms.
function organisationPart(profile, organisations) {
  const named = id => {
    const found = organisations.find(o => o.id === id);
    return found ? `${found.name} (${humanise(found.type)})` : id;
  };
  if (profile.organisationId) {
    return el('dl', { class: 'facts' }, el('dt', {}, 'Organisation'),
      el('dd', { 'data-testid': 'profile-organisation' }, named(profile.organisationId),
        el('span', { class: 'hint' }, ' From your sign-in, or confirmed by your organisation.')));
  }
  return el('div', {},
    profile.requestedOrganisationId ? el('p', { class: 'notice', 'data-testid': 'organisation-request' },
      `You asked to join ${named(profile.requestedOrganisationId)}; its org-admin confirms it.`) : null,
    field('profile', 'requestedOrganisationId', 'Ask to join an organisation', {
      value: profile.requestedOrganisationId,
      hint: 'An org-admin of the organisation confirms that you are its staff.',
      options: [['', 'Not with a partner organisation'],
        ...organisations.map(o => [o.id, named(o.id)])] }));
}

function renderData() {
  const erasure = el('div', { id: 'erasure' });
  const ask = el('button', { type: 'button', class: 'secondary', 'aria-controls': 'erasure' }, 'Erase my data…');
  ask.addEventListener('click', () => {
    const confirm = el('button', { type: 'button', class: 'danger' }, 'Yes, erase my data');
    const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const box = el('div', { class: 'notice error confirm', role: 'group', 'aria-labelledby': 'erase-title' },
      el('h3', { id: 'erase-title', tabindex: '-1' }, 'Erase your data?'),
      el('p', {}, 'Your name, e-mail and profile are removed or pseudonymised here and in every part of the platform. '
        + 'Counts such as attendance stay, without your name. This cannot be undone, and you will not be able to '
        + 'apply for membership with this account.'),
      el('p', { class: 'actions' }, confirm, ' ', cancel));
    cancel.addEventListener('click', () => { erasure.replaceChildren(); ask.focus(); });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        const erased = await api('/api/membership/me/erasure', { method: 'POST' });
        await render();
        success(dataHost, `Your data was erased on ${formatDateTime(erased.erasedAt)}.`);
      } catch (error) {
        loadFailed(erasure, error, 'Erasure');
      }
    });
    erasure.replaceChildren(box);
    box.querySelector('h3').focus();
  });
  dataHost.replaceChildren(
    el('p', {}, 'Download everything the platform holds about you, as a JSON file.'),
    el('p', {}, el('a', { class: 'button secondary', href: '/api/membership/me/export', download: '' },
      'Download my data')),
    el('p', {}, 'You may ask for your personal data to be erased.'),
    el('p', {}, ask), erasure);
}

render();
