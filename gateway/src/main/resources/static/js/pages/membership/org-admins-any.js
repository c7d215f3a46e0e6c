// A programme admin's page of one organisation's admins: /admin/organisation-admins.html?organisation=org-...
// It also holds the e-mail domains of the organisation's staff, by which "sign in with your organisation"
// (/sign-in.html) sends a person who types their work address to the organisation's own sign-in.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { field, onSubmit, loadFailed, success } from './forms.js';
import { organisationNames, organisationName } from '../../organisations.js';
import { renderOrgAdmins } from './org-admins.js';

await shell({ signInRequired: true });
const host = document.getElementById('org-admins');
const organisationId = new URLSearchParams(location.search).get('organisation');
if (organisationId) {
  const name = organisationName(await organisationNames(), organisationId);
  document.getElementById('page-title').textContent = `Organisation admins of ${name}`;
  document.title = `Organisation admins of ${name} - Exchange`;
  renderOrgAdmins(host, organisationId, document.getElementById('message'));
  renderDomains(document.getElementById('email-domains'), organisationId);
} else {
  host.replaceChildren(el('p', { class: 'notice' }, 'Open this page from a partner in ',
    el('a', { href: '/admin/partners.html' }, 'partner sign-in'), '.'));
}

async function renderDomains(domainsHost, organisationId) {
  const path = `/api/membership/organisations/${encodeURIComponent(organisationId)}/email-domains`;
  let current;
  try {
    current = await api(path);
  } catch (error) {
    loadFailed(domainsHost, error, 'The e-mail domains');
    return;
  }
  const status = el('div', {});
  const form = el('form', { class: 'stacked', id: 'domains', 'aria-labelledby': 'email-domains-title' },
    field('domains', 'domains', 'E-mail domains of its staff', { type: 'textarea', rows: 3,
      value: current.domains.join('\n'),
      hint: 'One per line, such as college.ac.uk. Staff who type an address at one of them on the sign-in page go '
        + 'straight to the organisation\'s own sign-in.' }),
    el('p', {}, el('button', { type: 'submit' }, 'Save the domains')));
  onSubmit(form, async values => {
    const domains = values.domains.split(/[\s,]+/).filter(Boolean);
    const saved = await api(path, { method: 'PUT', body: { domains } });
    form.elements.namedItem('domains').value = saved.domains.join('\n');
    success(status, saved.domains.length ? `Staff at ${saved.domains.join(', ')} sign in with their organisation.`
      : 'No e-mail domain leads to this organisation\'s sign-in now.');
  });
  domainsHost.replaceChildren(status, form);
}
