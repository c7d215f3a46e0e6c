// Anyone, signed in or not: the status of a credential the platform issued (valid or revoked), its holder and
// achievement, when it was issued and, if revoked, when and why.
import { shell } from '../../shell.js';
import { api, ApiError } from '../../api.js';
import { el, formatDate } from '../../dom.js';
import { field, onSubmit } from '../membership/forms.js';
import { param, fill } from '../exchange/common.js';
import { API } from './common.js';

await shell();
const result = document.getElementById('result');

const achievementName = achievement => typeof achievement === 'string' ? achievement
  : achievement?.name || '';

async function check(credentialId) {
  let credential;
  try {
    credential = await api(`${API}/credentials/${encodeURIComponent(credentialId)}`);
  } catch (error) {
    const notice = el('p', { class: 'notice error', role: 'alert', tabindex: '-1', 'data-testid': 'credential-status' },
      error instanceof ApiError && error.status === 404
        ? 'No credential with this identifier was issued by the platform.'
        : 'The credential cannot be checked just now. Try again later.');
    fill(result, notice);
    notice.focus();
    return;
  }
  const valid = credential.status === 'VALID';
  const heading = el('h2', { id: 'result-title', tabindex: '-1' }, valid ? 'This credential is valid'
    : 'This credential is revoked');
  fill(result, el('section', { class: `notice ${valid ? 'success' : 'error'}`, 'aria-labelledby': 'result-title' },
    heading,
    el('dl', { class: 'facts' },
      el('dt', {}, 'Status'), el('dd', { 'data-testid': 'credential-status' }, valid ? 'Valid' : 'Revoked'),
      el('dt', {}, 'Holder'), el('dd', { 'data-testid': 'credential-holder' }, credential.holderName || ''),
      el('dt', {}, 'Achievement'), el('dd', { 'data-testid': 'credential-achievement' },
        achievementName(credential.achievement)),
      el('dt', {}, 'Issued'), el('dd', {}, formatDate(credential.issuedOn)),
      credential.revokedOn ? [el('dt', {}, 'Revoked'), el('dd', {}, formatDate(credential.revokedOn))] : null,
      credential.reason ? [el('dt', {}, 'Reason'), el('dd', {}, credential.reason)] : null)),
    el('p', {}, 'The issuer\'s public key: ', el('a', { href: `${API}/issuer/jwks.json` }, 'issuer key set (JWKS)'),
      ' · ', el('a', { href: `${API}/issuer` }, 'issuer profile')));
  heading.focus();
}

const form = el('form', { class: 'stacked', id: 'verify-form', 'aria-label': 'Check a credential' },
  field('verify', 'id', 'Credential identifier', { required: true, value: param('id') || '',
    hint: 'As printed on the certificate, or the end of the credential\'s address.',
    attributes: { maxlength: 200, autocomplete: 'off' } }),
  el('p', {}, el('button', { type: 'submit' }, 'Check the credential')));
onSubmit(form, async values => {
  const identifier = values.id.replace(/^.*[/:]/, '');
  history.replaceState(null, '', `?id=${encodeURIComponent(identifier)}`);
  await check(identifier);
});
document.getElementById('lookup').append(form);
if (param('id')) check(param('id'));
