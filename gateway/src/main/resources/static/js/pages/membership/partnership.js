// An org-admin manages their own organisation: contacts, the Memorandum of Understanding (draft, revise, sign),
// venues offered for meetings (offer, change, withdraw) and financial contributions. Under the organisation's details
// each of the four is a section that opens on its own (js/guided.js); a save keeps its section open, with the message.
import { shell } from '../../shell.js';
import { guidedSections } from '../../guided.js';
import { api } from '../../api.js';
import { el, formatDate } from '../../dom.js';
import { field, onSubmit, loadFailed, money, humanise, today, confirmInline, saveVersioned, notice } from './forms.js';

const me = await shell({ signInRequired: true });
const host = document.getElementById('partnership');
const messageHost = document.getElementById('message');
const ORGANISATION = me.organisation ? encodeURIComponent(me.organisation) : null;
const BASE = `/api/membership/organisations/${ORGANISATION}`;

/** The page's sections as last built. */
let sections;

/** What a save told, at the top of the section it was made in (the page's top when none is open), with focus. */
function say(message, warning) {
  messageHost.replaceChildren();
  if (!message) return;
  const shown = notice(message, { warning });
  const panel = sections.currentPanel();
  if (panel) panel.prepend(shown);
  else messageHost.append(shown);
  sections.reveal(shown);
}

/** After an edit met someone else's change (412): the current version, and why the edit is not in it. */
const reloadChanged = message => render(message, true);

async function render(message, warning = false) {
  if (!ORGANISATION) {
    host.replaceChildren(el('p', { class: 'notice' }, 'Your account belongs to no partner organisation.'));
    return;
  }
  let profile;
  try {
    profile = await api(BASE);
  } catch (error) {
    loadFailed(host, error, 'Your organisation');
    return;
  }
  const organisation = profile.organisation;
  sections = guidedSections([
    { id: 'contacts', title: 'Contacts', headingId: 'contacts-title', content: contacts(organisation) },
    { id: 'memorandum', title: 'Memorandum of Understanding', headingId: 'memoranda-title',
      content: memoranda(profile.memoranda) },
    { id: 'venues', title: 'Venues', headingId: 'venues-title', content: venues(profile.venues) },
    { id: 'contributions', title: 'Contributions', headingId: 'contributions-title',
      content: contributions(profile.contributions) }]);
  host.replaceChildren(details(organisation), sections.element);
  say(message, warning);
}

function details(organisation) {
  return el('section', { 'aria-labelledby': 'details-title' },
    el('h2', { id: 'details-title' }, organisation.name),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Type'), el('dd', {}, humanise(organisation.type)),
      el('dt', {}, 'Region'), el('dd', {}, organisation.region || '—'),
      el('dt', {}, 'Staff sign in with'),
      el('dd', {}, organisation.identityProviderAlias ? `Their ${organisation.identityProviderAlias} account`
        : 'Platform accounts')));
}

function contacts(organisation) {
  const people = organisation.contacts || [];
  const form = el('form', { class: 'stacked', id: 'contact-form', 'aria-labelledby': 'contact-form-title' },
    el('h3', { id: 'contact-form-title' }, 'Add a contact'),
    field('contact', 'name', 'Name', { required: true, attributes: { maxlength: 200, autocomplete: 'off' } }),
    field('contact', 'role', 'Role', { attributes: { maxlength: 200 } }),
    field('contact', 'email', 'E-mail', { type: 'email', attributes: { maxlength: 200, autocomplete: 'off' } }),
    field('contact', 'phone', 'Phone', { type: 'tel', attributes: { maxlength: 40, autocomplete: 'off' } }),
    el('p', {}, el('button', { type: 'submit' }, 'Add contact')));
  onSubmit(form, async values => {
    const contact = { name: values.name, role: values.role || null, email: values.email || null,
      phone: values.phone || null };
    if (await saveVersioned(`${BASE}/contacts`, { body: [...people, contact],
      version: organisation.contactsVersion }, reloadChanged)) {
      await render(`${values.name} is now a contact.`);
    }
  });
  return [
    people.length ? el('ul', { class: 'contacts' }, people.map((c, index) => el('li', {},
      [c.name, c.role].filter(Boolean).join(', '), c.email ? [' · ', el('a', { href: `mailto:${c.email}` }, c.email)]
        : null, c.phone ? ` · ${c.phone}` : null, ' ',
      el('button', { type: 'button', class: 'secondary', onclick: async () => {
        if (await saveVersioned(`${BASE}/contacts`, { body: people.filter((_, i) => i !== index),
          version: organisation.contactsVersion }, reloadChanged)) {
          await render(`${c.name} is no longer a contact.`);
        }
      } }, 'Remove', el('span', { class: 'visually-hidden' }, ` ${c.name}`)))))
      : el('p', {}, 'No contacts yet.'),
    form];
}

function termsForm(prefix, mou) {
  const editing = !!mou;
  const form = el('form', { class: 'stacked', id: `${prefix}-form`, 'aria-labelledby': `${prefix}-heading` },
    el('h3', { id: `${prefix}-heading`, tabindex: '-1' }, editing ? 'Revise the draft' : 'Draft a memorandum'),
    field(prefix, 'organisationCommitments', 'What your organisation commits to', { type: 'textarea', required: true,
      value: mou?.organisationCommitments, hint: 'For example, release staff for quarterly development days and '
        + 'host meetings.', attributes: { maxlength: 10000 } }),
    field(prefix, 'programmeCommitments', 'What the programme commits to', { type: 'textarea', required: true,
      value: mou?.programmeCommitments, attributes: { maxlength: 10000 } }),
    field(prefix, 'startsOn', 'Starts on', { type: 'date', required: true, value: mou?.startsOn || today() }),
    field(prefix, 'endsOn', 'Ends on', { type: 'date', required: true, value: mou?.endsOn }),
    el('p', { class: 'actions' }, el('button', { type: 'submit' }, editing ? 'Save the draft' : 'Draft memorandum'),
      editing ? [' ', el('button', { type: 'button', class: 'secondary', onclick: () => render() }, 'Cancel')] : null));
  onSubmit(form, async values => {
    if (editing) {
      if (await saveVersioned(`${BASE}/mous/${mou.id}`, { body: values, version: mou.version }, reloadChanged)) {
        await render('The draft memorandum is revised.');
      }
    } else {
      await api(`${BASE}/mous`, { method: 'POST', body: values });
      await render('The memorandum is drafted. Read it through, then sign it.');
    }
  });
  return form;
}

function signForm(mou) {
  const prefix = `sign-${mou.id}`;
  const form = el('form', { class: 'stacked', id: prefix, 'aria-labelledby': `${prefix}-heading` },
    el('h4', { id: `${prefix}-heading` }, 'Sign for your organisation'),
    field(prefix, 'signatoryName', 'Signatory’s name', { required: true, value: me.name,
      attributes: { maxlength: 200, autocomplete: 'name' } }),
    field(prefix, 'signatoryRole', 'Signatory’s role', { hint: 'For example, Principal',
      attributes: { maxlength: 200, autocomplete: 'organization-title' } }),
    field(prefix, 'signedOn', 'Signed on', { type: 'date', required: true, value: today() }),
    el('p', {}, el('button', { type: 'submit' }, 'Sign the memorandum')));
  onSubmit(form, async values => {
    // signs the wording on the page, not a revision someone saved since
    if (await saveVersioned(`${BASE}/mous/${mou.id}/signature`, { method: 'POST',
      body: { ...values, signatoryRole: values.signatoryRole || null }, version: mou.version }, reloadChanged)) {
      await render(`The memorandum is signed by ${values.signatoryName}.`);
    }
  });
  return form;
}

function memoranda(list) {
  const items = [...list].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt))).map(mou => {
    const item = el('li', { class: 'card', 'data-mou': mou.id },
      el('h3', {}, `Memorandum ${formatDate(mou.startsOn)} to ${formatDate(mou.endsOn)} `,
        el('span', { class: 'tag', 'data-testid': 'mou-status' }, humanise(mou.status))),
      el('h4', {}, 'Your organisation commits to'), el('p', { class: 'evidence' }, mou.organisationCommitments),
      el('h4', {}, 'The programme commits to'), el('p', { class: 'evidence' }, mou.programmeCommitments),
      mou.signedOn ? el('p', {}, `Signed by ${mou.signatoryName}${mou.signatoryRole ? `, ${mou.signatoryRole}` : ''}, `
        + `on ${formatDate(mou.signedOn)}.`) : null);
    if (mou.status === 'DRAFT') {
      const revise = el('button', { type: 'button', class: 'secondary' }, 'Revise the draft');
      revise.addEventListener('click', () => {
        const form = termsForm(`revise-${mou.id}`, mou);
        item.replaceChildren(form);
        form.querySelector('h3').focus();
      });
      item.append(el('p', {}, revise), signForm(mou));
    }
    return item;
  });
  return [items.length ? el('ul', { class: 'stack' }, items) : el('p', {}, 'No memorandum yet.'), termsForm('mou')];
}

function venueForm(prefix, venue) {
  const editing = !!venue;
  const form = el('form', { class: 'stacked', id: `${prefix}-form`, 'aria-labelledby': `${prefix}-heading` },
    el('h3', { id: `${prefix}-heading`, tabindex: '-1' }, editing ? `Change ${venue.name}` : 'Offer a venue'),
    field(prefix, 'name', 'Name of the venue', { required: true, value: venue?.name, attributes: { maxlength: 200 } }),
    field(prefix, 'address', 'Address', { type: 'textarea', rows: 3, required: true, value: venue?.address,
      attributes: { maxlength: 500 } }),
    field(prefix, 'postcode', 'Postcode', { required: true, value: venue?.postcode,
      attributes: { maxlength: 10, autocomplete: 'postal-code' } }),
    field(prefix, 'capacity', 'How many people it seats', { type: 'number', required: true, value: venue?.capacity,
      attributes: { min: 1, max: 10000, step: 1, inputmode: 'numeric' } }),
    field(prefix, 'accessibility', 'Access', { type: 'textarea', rows: 3, value: venue?.accessibility,
      hint: 'Step-free access, hearing loop, parking, how to get there', attributes: { maxlength: 1000 } }),
    el('p', { class: 'actions' }, el('button', { type: 'submit' }, editing ? 'Save changes' : 'Offer venue'),
      editing ? [' ', el('button', { type: 'button', class: 'secondary', onclick: () => render() }, 'Cancel')] : null));
  onSubmit(form, async values => {
    const body = { ...values, capacity: Number(values.capacity), accessibility: values.accessibility || null,
      latitude: venue?.latitude ?? null, longitude: venue?.longitude ?? null };
    if (editing) {
      if (await saveVersioned(`${BASE}/venues/${venue.id}`, { body, version: venue.version }, reloadChanged)) {
        await render(`${values.name} is changed.`);
      }
    } else {
      await api(`${BASE}/venues`, { method: 'POST', body });
      await render(`${values.name} is offered to the programme.`);
    }
  });
  return form;
}

function venues(list) {
  const offered = list.filter(v => !v.withdrawn);
  const withdrawn = list.filter(v => v.withdrawn);
  const items = offered.map(venue => {
    const item = el('li', { class: 'card', 'data-venue': venue.id },
      el('h3', {}, venue.name),
      el('p', {}, `${venue.address}, ${venue.postcode}`),
      el('p', {}, `Seats ${venue.capacity}.`, venue.accessibility ? ` Access: ${venue.accessibility}` : ''));
    const change = el('button', { type: 'button', class: 'secondary' }, 'Change',
      el('span', { class: 'visually-hidden' }, ` ${venue.name}`));
    const withdraw = el('button', { type: 'button', class: 'secondary' }, 'Withdraw',
      el('span', { class: 'visually-hidden' }, ` ${venue.name}`));
    const actions = el('p', { class: 'actions' }, change, ' ', withdraw);
    change.addEventListener('click', () => {
      const form = venueForm(`venue-${venue.id}`, venue);
      item.replaceChildren(form);
      form.querySelector('h3').focus();
    });
    withdraw.addEventListener('click', () => confirmInline(actions, {
      question: `Withdraw ${venue.name}?`, yes: `Yes, withdraw ${venue.name}`, no: 'Keep offering it',
      askedBy: withdraw, what: 'Withdrawing the venue',
      onYes: async () => {
        if (await saveVersioned(`${BASE}/venues/${venue.id}`, { method: 'DELETE', version: venue.version },
          reloadChanged)) {
          await render(`${venue.name} is withdrawn.`);
        }
      }
    }));
    item.append(actions);
    return item;
  });
  return [items.length ? el('ul', { class: 'cards' }, items) : el('p', {}, 'No venue offered yet.'),
    withdrawn.length ? el('p', {}, `Withdrawn: ${withdrawn.map(v => v.name).join(', ')}.`) : null,
    venueForm('venue')];
}

function contributions(list) {
  const form = el('form', { class: 'stacked', id: 'contribution-form', 'aria-labelledby': 'contribution-form-title' },
    el('h3', { id: 'contribution-form-title' }, 'Pledge a contribution'),
    field('contribution', 'amount', 'Amount', { type: 'number', required: true,
      attributes: { min: 0.01, step: 0.01, inputmode: 'decimal' } }),
    field('contribution', 'currency', 'Currency', { required: true, value: 'GBP',
      options: [['GBP', 'Pounds sterling (GBP)'], ['EUR', 'Euros (EUR)']] }),
    field('contribution', 'purpose', 'What it is for', { required: true, attributes: { maxlength: 500 } }),
    field('contribution', 'pledgedOn', 'Pledged on', { type: 'date', required: true, value: today() }),
    el('p', {}, el('button', { type: 'submit' }, 'Record contribution')));
  onSubmit(form, async values => {
    await api(`${BASE}/contributions`, { method: 'POST', body: { ...values, amount: Number(values.amount) } });
    await render(`A contribution of ${money(values.amount, values.currency)} is recorded.`);
  });
  return [list.length ? el('ul', {}, list.map(c => el('li', {},
    `${money(c.amount, c.currency)} for ${c.purpose}, pledged ${formatDate(c.pledgedOn)}`)))
    : el('p', {}, 'No contribution recorded yet.'),
  form];
}

render();
