// The signed-in practitioner's Learning Exchange membership: where it is and what happens next, applying with
// evidence (or through the ILM award), renewing on the year's CPD, their invoices and how to pay them.
import { shell, hasRole } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDate, formatDateTime } from '../../dom.js';
import { field, onSubmit, loadFailed, money, humanise, hours, MEMBERSHIP_STATUS, statusLabel, invoicePurpose }
  from './forms.js';

const me = await shell({ signInRequired: true });
const host = document.getElementById('membership');
const invoicesHost = document.getElementById('invoices');

async function render(message) {
  if (!hasRole(me, 'practitioner')) {
    host.replaceChildren(el('p', { class: 'notice' }, 'Learning Exchange membership is for practitioners.'));
    invoicesHost.replaceChildren();
    return;
  }
  let membership = null;
  try {
    membership = await api('/api/membership/me/membership'); // no content (null) before applying
  } catch (error) {
    loadFailed(host, error, 'Your membership');
    return;
  }
  const parts = [];
  if (message) parts.push(el('p', { class: 'notice success', role: 'status', tabindex: '-1', id: 'membership-message' },
    message));
  if (!membership) {
    parts.push(el('p', {}, 'You have not applied for membership yet.'), applyForm(false));
  } else {
    parts.push(statusSection(membership));
    // the members' own discussion (exchange-service keeps who is a member; a lapsed member may still read it)
    if (['ACTIVE', 'RENEWAL_DUE', 'RENEWAL_SUBMITTED', 'RENEWAL_PAYMENT', 'LAPSED'].includes(membership.status)) {
      parts.push(el('p', {}, el('a', { class: 'button secondary', href: '/groups/discussion.html?learning-exchange',
        'data-testid': 'learning-exchange-discussion' }, 'The Learning Exchange\'s discussion')));
    }
    if (['REJECTED', 'LAPSED'].includes(membership.status)) parts.push(applyForm(true));
    if (['ACTIVE', 'RENEWAL_DUE', 'RENEWAL_SUBMITTED'].includes(membership.status)) {
      parts.push(renewalEvidence(membership));
    }
    if (membership.status === 'RENEWAL_DUE') parts.push(renewalForm(membership));
    if (membership.history?.length) parts.push(history(membership.history));
  }
  host.replaceChildren(...parts);
  document.getElementById('membership-message')?.focus();
  renderInvoices();
}

function statusSection(membership) {
  const status = MEMBERSHIP_STATUS[membership.status];
  return el('section', { 'aria-labelledby': 'status-title' },
    el('h2', { id: 'status-title' }, 'Status'),
    el('p', { class: 'status-line' }, el('span', { class: 'tag', 'data-testid': 'membership-status' },
      statusLabel(membership.status))),
    el('p', {}, status?.next || ''),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Eligible through'),
      el('dd', {}, membership.basis === 'ILM_AWARD' ? 'ILM award in Practitioner-Led Learning Exchange'
        : 'Evidence of equivalent training and experience'),
      el('dt', {}, 'Applied'), el('dd', {}, formatDate(membership.appliedAt)),
      membership.startedOn && [el('dt', {}, 'Membership year began'), el('dd', {}, formatDate(membership.startedOn))],
      membership.expiresOn && [el('dt', {}, 'Expires'), el('dd', {}, formatDate(membership.expiresOn))],
      membership.lapsesAfter && [el('dt', {}, 'Lapses if not renewed after'),
        el('dd', {}, formatDate(membership.lapsesAfter))]));
}

function applyForm(again) {
  const form = el('form', { class: 'stacked', id: 'apply-form', 'aria-labelledby': 'apply-title' },
    el('h2', { id: 'apply-title' }, again ? 'Apply again' : 'Apply for membership'),
    el('p', {}, 'Membership is open to holders of an ILM award in Practitioner-Led Learning Exchange, and to '
      + 'practitioners who can evidence equivalent training and experience. The annual fee is £195 inclusive.'),
    el('p', { class: 'notice' }, 'If you hold the ILM Development or Endorsed Award in Practitioner-Led Learning '
      + 'Exchange through the programme, you need not describe anything: your award is recognised and your invoice is '
      + 'issued at once.'),
    field('apply', 'evidence', 'Your training and experience', { type: 'textarea', rows: 8,
      hint: 'Without the ILM award: the facilitation training you have done, how long you have facilitated peer '
        + 'learning, and with whom. A programme admin reviews it.', attributes: { maxlength: 10000 } }),
    el('p', {}, el('button', { type: 'submit' }, 'Apply for membership')));
  onSubmit(form, async values => {
    const applied = await api('/api/membership/me/membership/application', { method: 'POST',
      body: { evidence: values.evidence || null } });
    await render(applied.status === 'AWAITING_PAYMENT'
      ? 'You are eligible: your invoice is issued below.'
      : 'Your application is sent. A programme admin will review your evidence.');
  });
  return form;
}

function renewalEvidence(membership) {
  const evidence = membership.renewalEvidence;
  if (!evidence) return null;
  return el('section', { 'aria-labelledby': 'cpd-title' },
    el('h2', { id: 'cpd-title' }, 'CPD this membership year'),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Hours'), el('dd', { 'data-testid': 'renewal-hours' },
        `${hours(evidence.hours)} of at least ${hours(evidence.minimumHours)}`),
      el('dt', {}, 'Activities with a written reflection'),
      el('dd', {}, `${evidence.reflections} of at least ${evidence.minimumReflections}`)),
    evidence.shortfalls.length
      ? el('div', { class: 'notice' }, el('p', {}, 'Before you can renew:'),
        el('ul', {}, evidence.shortfalls.map(s => el('li', {}, s))))
      : el('p', { class: 'notice success' }, 'Your CPD record is enough for renewal.'),
    el('p', {}, el('a', { href: '/membership/cpd.html' }, 'Log and review your CPD')));
}

function renewalForm(membership) {
  const form = el('form', { class: 'stacked', id: 'renew-form', 'aria-labelledby': 'renew-title' },
    el('h2', { id: 'renew-title' }, 'Renew your membership'),
    el('p', {}, `Your CPD record since ${formatDate(membership.startedOn)} is your evidence. A programme admin reviews `
      + 'it and then issues your renewal invoice.'),
    field('renew', 'statement', 'What this year meant for your practice', { type: 'textarea', rows: 6,
      hint: 'A few sentences for the reviewer.', attributes: { maxlength: 10000 } }),
    el('p', {}, el('button', { type: 'submit' }, 'Submit for renewal')));
  onSubmit(form, async values => {
    await api('/api/membership/me/membership/renewal', { method: 'POST',
      body: { statement: values.statement || null } });
    await render('Your renewal is submitted for review.');
  });
  return form;
}

function history(transitions) {
  return el('section', { 'aria-labelledby': 'history-title' },
    el('h2', { id: 'history-title' }, 'History'),
    el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'history-title' },
      el('table', {},
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'When'), el('th', { scope: 'col' }, 'Status'),
          el('th', { scope: 'col' }, 'Why'))),
        el('tbody', {}, transitions.map(t => el('tr', {},
          el('td', {}, formatDateTime(t.at)), el('td', {}, statusLabel(t.to)), el('td', {}, t.reason || '')))))));
}

async function renderInvoices() {
  let invoices;
  try {
    invoices = await api('/api/membership/me/invoices');
  } catch (error) {
    loadFailed(invoicesHost, error, 'Your invoices');
    return;
  }
  if (!invoices.length) {
    invoicesHost.replaceChildren(el('p', {}, 'No invoices yet.'));
    return;
  }
  const unpaid = invoices.filter(i => i.status === 'ISSUED');
  invoicesHost.replaceChildren(
    el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'invoices-title' },
      el('table', { 'data-testid': 'invoices' },
        el('thead', {}, el('tr', {}, ['Number', 'For', 'Amount', 'Issued', 'Due', 'Status']
          .map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, invoices.map(i => el('tr', {},
          el('td', {}, i.number),
          el('td', {}, invoicePurpose(i)),
          el('td', {}, money(i.amount, i.currency)),
          el('td', {}, formatDate(i.issuedOn)),
          el('td', {}, formatDate(i.dueOn)),
          el('td', {}, i.status === 'PAID' ? `Paid ${formatDate(i.payment?.paidOn)}` : humanise(i.status))))))),
    unpaid.length ? el('div', { class: 'notice', 'aria-labelledby': 'pay-title', role: 'region' },
      el('h3', { id: 'pay-title' }, 'How to pay'),
      el('p', {}, 'The platform takes no card payments. Pay by bank transfer (or by cheque) to the programme office, '
        + `quoting the invoice number ${unpaid.map(i => i.number).join(', ')} as your reference, by the due date. `
        + 'Your membership starts, or continues, when the programme office records your payment.')) : null);
}

render();
