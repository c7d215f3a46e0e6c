// A programme admin's page of one organisation's admins: /admin/organisation-admins.html?organisation=org-...
import { shell } from '../../shell.js';
import { el } from '../../dom.js';
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
} else {
  host.replaceChildren(el('p', { class: 'notice' }, 'Open this page from a partner in ',
    el('a', { href: '/admin/partners.html' }, 'partner sign-in'), '.'));
}
