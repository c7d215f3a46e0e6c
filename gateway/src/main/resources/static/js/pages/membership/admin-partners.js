// Programme admins: partner organisations' own sign-in (issue 18, docs/adr/0021 and 0022). Lists each onboarded
// partner with its provider's health (for SAML, the signing certificate's expiry) and its last successful sign-in,
// offers a new one's "Try sign-in" (the gateway's ?idp= link, in a new tab) and, once a sign-in through it has
// succeeded, puts it live; runs the reconciliation with Keycloak and shows its last report; and onboards a partner's
// OpenID Connect or SAML 2.0 provider, with its staff's e-mail domains, for an existing organisation or a new one. The
// client secret is sent once and never shown.
import { shell } from '../../shell.js';
import { api, ApiError } from '../../api.js';
import { el, formatDateTime } from '../../dom.js';
import { field, onSubmit, loadFailed, notice, humanise, table } from './forms.js';

await shell({ signInRequired: true });
const partnersHost = document.getElementById('partners');
const reconcileHost = document.getElementById('reconciliation');
const onboardHost = document.getElementById('onboard');
const messageHost = document.getElementById('message');
const BASE = '/api/membership/admin/partner-sign-ins';
const TYPES = ['COLLEGE', 'WORK_BASED_LEARNING', 'ADULT_COMMUNITY_LEARNING', 'SECURE_ESTATE', 'THIRD_SECTOR',
  'UNIVERSITY', 'OTHER'];

const yesNo = (ok, yes, no) => el('span', { class: ok ? 'tag met' : 'tag' }, ok ? yes : no);
const PROTOCOLS = { OIDC: 'OpenID Connect', SAML: 'SAML 2.0' };

function published(partner) {
  if (partner.protocol !== 'SAML') return yesNo(partner.discoveryReachable, 'Reachable', 'Not reachable');
  if (partner.metadataReachable == null) return el('span', { class: 'hint' }, 'Metadata pasted, no address to check');
  return yesNo(partner.metadataReachable, 'Reachable', 'Not reachable');
}

function certificate(partner) {
  if (!partner.signingCertificateExpiresAt) return el('span', { class: 'hint' }, 'None (OpenID Connect)');
  const expiry = formatDateTime(partner.signingCertificateExpiresAt);
  return partner.signingCertificateExpiresSoon
    ? [el('span', { class: 'tag' }, 'Expires soon'), ' ', `Valid until ${expiry}`]
    : `Valid until ${expiry}`;
}

function keycloakState(partner) {
  if (partner.appliedInKeycloak) return yesNo(true, 'Configured', '');
  return [yesNo(false, '', 'Waiting'), partner.lastError ? el('span', { class: 'hint' }, ` ${partner.lastError}`) : null];
}

/** Offered to staff, or still being tried: the try-sign-in link, and the button that puts it live once it worked. */
function offered(partner) {
  if (partner.live) return [yesNo(true, 'Live', ''), el('br'), el('span', { class: 'hint' },
    `since ${formatDateTime(partner.liveAt)}`)];
  const tryIt = el('a', { href: `/oauth2/authorization/keycloak?idp=${encodeURIComponent(partner.alias)}`,
    target: '_blank', rel: 'noopener' }, 'Try sign-in',
  el('span', { class: 'visually-hidden' }, ` through ${partner.organisationName} (opens in a new tab)`));
  const parts = [yesNo(false, '', 'Being tried'), el('br'), tryIt];
  if (partner.lastSignInAt) {
    const button = el('button', { type: 'button', class: 'secondary' }, 'Put live',
      el('span', { class: 'visually-hidden' }, ` ${partner.organisationName}`));
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await api(`${BASE}/${encodeURIComponent(partner.alias)}/live`, { method: 'POST' });
        await render(`${partner.organisationName}'s sign-in is live: its staff see it on the sign-in page.`);
      } catch (error) {
        await render(null, error instanceof ApiError ? error.message : 'It could not be put live just now.');
      }
    });
    parts.push(el('br'), button);
  } else {
    parts.push(el('br'), el('span', { class: 'hint' }, 'Staff do not see it until a sign-in through it has worked.'));
  }
  return parts;
}

async function renderPartners() {
  let partners;
  try {
    partners = await api(BASE);
  } catch (error) {
    loadFailed(partnersHost, error, 'Partners');
    return;
  }
  partnersHost.replaceChildren(partners.length
    ? table('partner-health', 'Partners with their sign-in', ['Organisation', 'Provider',
      'Offered to staff', 'Discovery document or metadata', 'Signing certificate', 'Identity provider', 'Last check',
      'Last sign-in', 'Staff'],
    partners.map(p => [
      [el('span', { 'data-organisation': p.organisationId }, p.organisationName), el('br'),
        el('a', { href: `/admin/organisation-admins.html?organisation=${encodeURIComponent(p.organisationId)}` },
          'Organisation admins', el('span', { class: 'visually-hidden' }, ` of ${p.organisationName}`))],
      [el('code', {}, p.alias), ' ', PROTOCOLS[p.protocol] || p.protocol, el('br'),
        el('span', { class: 'hint' }, p.issuer)],
      offered(p),
      published(p),
      certificate(p),
      keycloakState(p),
      p.lastReconciledAt ? [formatDateTime(p.lastReconciledAt), el('br'), p.lastReconcileResult] : 'Not yet',
      p.lastSignInAt ? formatDateTime(p.lastSignInAt) : 'None yet',
      String(p.staffCount)]), { wide: true })
    : el('p', {}, 'No partner sign-in is onboarded yet.'));
}

function reportView(report) {
  const drifts = report.drifts || [];
  const repaired = new Set((report.repaired || []).map(d => `${d.alias}/${d.kind}/${d.detail}`));
  return [
    el('p', { 'data-testid': 'last-reconciliation' }, `Last checked ${formatDateTime(report.ranAt)}: `,
      report.keycloakReachable
        ? `${report.inLine} of ${report.onboarded} onboarded partners as onboarded, ${drifts.length} `
          + `difference${drifts.length === 1 ? '' : 's'} found, ${repaired.size} repaired.`
        : `the identity provider could not be reached (${report.error}).`),
    drifts.length ? table('drifts', 'Differences found', ['Provider', 'Organisation', 'Difference', 'Repaired'],
      drifts.map(d => [el('code', {}, d.alias), d.organisationId || '—',
        [humanise(d.kind), ': ', d.detail], repaired.has(`${d.alias}/${d.kind}/${d.detail}`) ? 'Yes' : 'No']),
      { wide: true }) : null,
    report.notOnboardedHere?.length
      ? el('p', { class: 'hint' }, `Providers configured outside the platform, checked for their organisation only: `
        + report.notOnboardedHere.join(', ') + '.')
      : null
  ];
}

async function renderReconciliation() {
  let report = null;
  try {
    report = await api(`${BASE}/reconciliation`);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) {
      loadFailed(reconcileHost, error, 'The last check');
      return;
    }
  }
  const button = el('button', { type: 'button', class: 'secondary' }, 'Check and repair now');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const fresh = await api(`${BASE}/reconciliation`, { method: 'POST' });
      await render(`Checked: ${fresh.drifts.length} difference${fresh.drifts.length === 1 ? '' : 's'} found, `
        + `${fresh.repaired.length} repaired.`);
    } catch (error) {
      await render(null, error instanceof ApiError ? error.message : 'The check could not be run just now.');
    }
  });
  reconcileHost.replaceChildren(
    ...(report ? reportView(report).filter(Boolean) : [el('p', {}, 'No check has run yet.')]),
    el('p', {}, button));
}

function onboardForm() {
  const prefix = 'onboard';
  const form = el('form', { class: 'stacked', id: prefix, 'aria-labelledby': 'onboard-title' },
    el('fieldset', {},
      el('legend', {}, 'Organisation'),
      field(prefix, 'organisationId', 'Organisation id', { required: true,
        hint: 'The platform\'s id for it: "org-" and then lower-case words joined by hyphens. An organisation that is '
          + 'not registered yet is registered with the details below.', attributes: { maxlength: 80, pattern: 'org-[a-z0-9]+(-[a-z0-9]+)*', autocomplete: 'off' } }),
      field(prefix, 'isNew', 'This organisation is new: register it', { type: 'checkbox' }),
      field(prefix, 'name', 'Name of a new organisation', { attributes: { maxlength: 200 } }),
      field(prefix, 'type', 'Type of a new organisation', { value: 'COLLEGE',
        options: TYPES.map(t => [t, humanise(t)]) }),
      field(prefix, 'region', 'Region of a new organisation', { attributes: { maxlength: 100 } }),
      field(prefix, 'emailDomains', 'E-mail domains of its staff', {
        hint: 'Such as college.ac.uk, separated by spaces or commas: staff who type an address there are sent to '
          + 'their organisation\'s sign-in once it is live. A domain belongs to one organisation.',
        attributes: { maxlength: 2000, autocomplete: 'off' } })),
    el('fieldset', {},
      el('legend', {}, 'Its sign-in'),
      field(prefix, 'alias', 'Provider alias', { required: true,
        hint: 'Lower-case letters, digits and hyphens; also the first part of its staff\'s usernames.',
        attributes: { maxlength: 60, pattern: '[a-z0-9]+(-[a-z0-9]+)*', autocomplete: 'off' } }),
      el('fieldset', { class: 'choice' },
        el('legend', {}, 'How its staff sign in'),
        ...Object.entries(PROTOCOLS).map(([value, label]) => el('div', { class: 'field checkbox' },
          el('input', { type: 'radio', id: `${prefix}-protocol-${value}`, name: 'protocol', value,
            checked: value === 'OIDC' }),
          el('label', { for: `${prefix}-protocol-${value}` }, label))))),
    el('fieldset', { id: `${prefix}-oidc` },
      el('legend', {}, 'Its OpenID Connect provider'),
      field(prefix, 'discoveryUrl', 'Discovery URL', { type: 'url', required: true,
        hint: 'The provider\'s .well-known/openid-configuration address; it is fetched and checked now.',
        attributes: { maxlength: 500 } }),
      field(prefix, 'clientId', 'Client id', { required: true, attributes: { maxlength: 200, autocomplete: 'off' } }),
      field(prefix, 'clientSecret', 'Client secret', { type: 'password', required: true,
        hint: 'Sent to the identity provider only; never shown again.',
        attributes: { maxlength: 500, autocomplete: 'new-password' } })),
    el('fieldset', { id: `${prefix}-saml`, hidden: true, disabled: true, 'aria-describedby': `${prefix}-saml-hint` },
      el('legend', {}, 'Its SAML 2.0 identity provider'),
      el('p', { class: 'hint', id: `${prefix}-saml-hint` }, 'Give its metadata by address or paste it, one of the two. '
        + 'It is read and checked now: a SAML 2.0 identity provider with a single sign-on service and a signing '
        + 'certificate that has not expired.'),
      field(prefix, 'metadataUrl', 'Metadata URL', { type: 'url',
        hint: 'Where the provider publishes its metadata, such as …/protocol/saml/descriptor or '
          + '…/FederationMetadata.xml.',
        attributes: { maxlength: 500 } }),
      field(prefix, 'metadataXml', 'Metadata XML', { type: 'textarea', rows: 6,
        hint: 'Or the metadata itself: one EntityDescriptor, at most 256 KiB.',
        attributes: { maxlength: 262144, spellcheck: 'false' } })),
    el('p', {}, el('button', { type: 'submit' }, 'Onboard')));
  const protocol = () => form.querySelector('input[name="protocol"]:checked').value;
  const showProtocol = () => {
    for (const [value, id] of [['OIDC', `${prefix}-oidc`], ['SAML', `${prefix}-saml`]]) {
      const fieldset = form.querySelector(`#${id}`);
      fieldset.hidden = protocol() !== value;
      fieldset.disabled = protocol() !== value; // a hidden provider's fields are neither checked nor sent
    }
  };
  for (const radio of form.querySelectorAll('input[name="protocol"]')) radio.addEventListener('change', showProtocol);
  onSubmit(form, async values => {
    const saml = protocol() === 'SAML';
    const newOrganisation = values.isNew ? { name: values.name, type: values.type, region: values.region || null }
      : null;
    const emailDomains = values.emailDomains.split(/[\s,;]+/).filter(Boolean);
    const body = saml
      ? { organisationId: values.organisationId, newOrganisation, alias: values.alias,
        metadataUrl: values.metadataUrl || null, metadataXml: values.metadataXml || null, emailDomains }
      : { organisationId: values.organisationId, newOrganisation, alias: values.alias,
        discoveryUrl: values.discoveryUrl, clientId: values.clientId, clientSecret: values.clientSecret, emailDomains };
    try {
      await api(saml ? `${BASE}/saml` : BASE, { method: 'POST', body });
    } catch (error) {
      if (error instanceof ApiError && error.problem?.errors) {
        // a new organisation's fields arrive as newOrganisation.name ...: show them on their controls
        for (const e of error.problem.errors) {
          e.field = e.field.replace(/^newOrganisation\./, '').replace(/^emailDomains\[\d+\]$/, 'emailDomains');
        }
      }
      throw error;
    }
    form.reset();
    showProtocol();
    await render(`${values.alias} is onboarded for ${values.organisationId}. The identity provider is being `
      + 'configured; its state shows in the table. Try its sign-in there before you put it live.');
  });
  onboardHost.replaceChildren(form);
}

async function render(message, warning) {
  await Promise.all([renderPartners(), renderReconciliation()]);
  messageHost.replaceChildren();
  if (message || warning) {
    const shown = notice(message || warning, { warning: !!warning });
    messageHost.append(shown);
    shown.focus();
  }
}

onboardForm();
render();
