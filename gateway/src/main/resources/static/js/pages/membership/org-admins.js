// An organisation's org-admins (issue 18): the current ones and those named by work e-mail who have not signed in
// yet, a form to name another (one of the organisation's staff, or a work e-mail) and a way to withdraw each. Shown
// to the organisation's own org-admins (/organisation/admins.html) and to programme admins for any organisation
// (/admin/organisation-admins.html?organisation=...). membership-service decides who may: an org-admin manages the
// admins of their own organisation only.
import { api } from '../../api.js';
import { el, formatDate } from '../../dom.js';
import { field, onSubmit, loadFailed, success, table, confirmInline } from './forms.js';

const nameOf = person => [person.givenName, person.familyName].filter(Boolean).join(' ') || person.email || '—';

/** Renders the organisation's admins into host, with message as the place for what an action did. */
export async function renderOrgAdmins(host, organisationId, message) {
  const base = `/api/membership/organisations/${encodeURIComponent(organisationId)}`;
  let admins;
  let staff;
  try {
    [admins, staff] = await Promise.all([api(`${base}/admins`), api(`${base}/staff`)]);
  } catch (error) {
    loadFailed(host, error, 'The organisation admins');
    return;
  }
  const rerender = async text => {
    await renderOrgAdmins(host, organisationId, message);
    success(message, text);
  };
  const withdrawButton = (label, name, path, done) => {
    const button = el('button', { type: 'button', class: 'secondary' }, label,
      el('span', { class: 'visually-hidden' }, ` ${name}`));
    const actions = el('p', { class: 'actions' }, button);
    button.addEventListener('click', () => confirmInline(actions, {
      question: `Withdraw ${name} as an organisation admin?`, yes: `Yes, withdraw ${name}`, no: 'No, keep',
      askedBy: button, what: 'The withdrawal',
      onYes: async () => {
        await api(path, { method: 'DELETE' });
        await rerender(done);
      }
    }));
    return actions;
  };
  const adminIds = new Set(admins.admins.map(admin => admin.practitionerId));
  const candidates = staff.filter(person => !adminIds.has(person.practitionerId));

  const form = el('form', { class: 'stacked', id: 'name-org-admin', 'aria-labelledby': 'name-org-admin-title' },
    el('h3', { id: 'name-org-admin-title' }, 'Name an organisation admin'),
    el('p', { class: 'hint' }, 'Pick one of the organisation\'s staff, or type the work e-mail address of someone who '
      + 'has not signed in yet: they become an organisation admin when they first sign in with it.'),
    field('org-admin', 'practitionerId', 'Member of staff', { value: '',
      options: [['', candidates.length ? 'Choose a member of staff' : 'No member of staff to choose'],
        ...candidates.map(person => [person.practitionerId, `${nameOf(person)}${person.email ? ` (${person.email})`
          : ''}`])] }),
    field('org-admin', 'email', 'Or their work e-mail', { type: 'email',
      attributes: { maxlength: 320, autocomplete: 'off' } }),
    el('p', {}, el('button', { type: 'submit' }, 'Name an organisation admin')));
  onSubmit(form, async values => {
    const body = values.practitionerId ? { practitionerId: values.practitionerId } : { email: values.email || null };
    const named = await api(`${base}/admins`, { method: 'POST', body });
    await rerender(named.status === 'APPOINTED'
      ? `${nameOf(named.admin)} is an organisation admin now. They have the role from their next sign-in.`
      : `${named.waiting.email} becomes an organisation admin when they first sign in with that address.`);
  });

  host.replaceChildren(...[
    el('h3', {}, 'Current organisation admins'),
    admins.admins.length
      ? table('org-admins-table', 'Current organisation admins', ['Name', 'E-mail', 'Since', 'Action'],
        admins.admins.map(admin => [nameOf(admin), admin.email || '—', formatDate(admin.appointedAt),
          withdrawButton('Withdraw', nameOf(admin), `${base}/admins/${admin.practitionerId}`,
            `${nameOf(admin)} is no longer an organisation admin.`)]), { wide: true })
      : el('p', {}, 'No organisation admin has been named on the platform yet.'),
    admins.waiting.length ? [
      el('h3', {}, 'Named by e-mail, not signed in yet'),
      table('org-admins-waiting-table', 'Named by e-mail, not signed in yet', ['E-mail', 'Named on', 'Action'],
        admins.waiting.map(waiting => [waiting.email, formatDate(waiting.namedAt),
          withdrawButton('Withdraw', waiting.email, `${base}/admin-nominations/${waiting.nominationId}`,
            `${waiting.email} will not become an organisation admin.`)]), { wide: true })] : null,
    form].flat().filter(Boolean));
}
