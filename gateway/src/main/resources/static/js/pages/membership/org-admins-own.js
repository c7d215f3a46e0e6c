// An org-admin's page of their own organisation's admins.
import { shell } from '../../shell.js';
import { el } from '../../dom.js';
import { renderOrgAdmins } from './org-admins.js';

const me = await shell({ signInRequired: true });
const host = document.getElementById('org-admins');
if (me.organisation) {
  renderOrgAdmins(host, me.organisation, document.getElementById('message'));
} else {
  host.replaceChildren(el('p', { class: 'notice' }, 'Your account belongs to no partner organisation.'));
}
