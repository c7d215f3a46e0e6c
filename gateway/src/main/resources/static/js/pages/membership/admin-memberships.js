// Programme admins: applications and renewals to review (approve or reject, with a reason for the audit trail), and
// invoices awaiting payment, whose offline payment they record.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDate, formatDateTime } from '../../dom.js';
import { field, onSubmit, loadFailed, money, humanise, today, statusLabel, hours, invoicePurpose } from './forms.js';
import { organisationNames, organisationName } from '../../organisations.js';

await shell({ signInRequired: true });
const organisations = await organisationNames();
const reviewsHost = document.getElementById('reviews');
const paymentsHost = document.getElementById('payments');
const messageHost = document.getElementById('message');

const personName = member => member ? [member.givenName, member.familyName].filter(Boolean).join(' ') || member.email
  : 'Erased practitioner';

async function render(message) {
  let memberships;
  let invoices;
  try {
    [memberships, invoices] = await Promise.all([api('/api/membership/admin/memberships'),
      api('/api/membership/admin/invoices?status=ISSUED')]);
  } catch (error) {
    loadFailed(reviewsHost, error, 'Memberships');
    paymentsHost.replaceChildren();
    return;
  }
  messageHost.replaceChildren();
  if (message) {
    const notice = el('p', { class: 'notice success', role: 'status', tabindex: '-1' }, message);
    messageHost.append(notice);
    notice.focus();
  }
  const toReview = memberships.filter(m => ['APPLIED', 'RENEWAL_SUBMITTED'].includes(m.status));
  reviewsHost.replaceChildren(toReview.length
    ? el('ul', { class: 'review-list' }, toReview.map(reviewItem))
    : el('p', {}, 'Nothing to review.'));
  const byId = new Map(memberships.map(m => [m.id, m]));
  paymentsHost.replaceChildren(invoices.length
    ? el('ul', { class: 'review-list' }, invoices.map(invoice => paymentItem(invoice, byId.get(invoice.membershipId))))
    : el('p', {}, 'No invoice is awaiting payment.'));
}

function reviewItem(membership) {
  const renewal = membership.status === 'RENEWAL_SUBMITTED';
  const name = personName(membership.member);
  const prefix = `review-${membership.id}`;
  const evidence = membership.renewalEvidence;
  const form = el('form', { class: 'stacked', id: prefix, 'aria-label': `Decision on ${name}` },
    field(prefix, 'reason', 'Reason', { type: 'textarea', rows: 3, required: true,
      hint: 'Recorded in the audit trail and shown to the practitioner.', attributes: { maxlength: 2000 } }),
    el('p', { class: 'actions' },
      el('button', { type: 'submit', value: 'approve' }, renewal ? 'Approve renewal' : 'Approve eligibility',
        el('span', { class: 'visually-hidden' }, ` of ${name}`)), ' ',
      el('button', { type: 'submit', value: 'reject', class: 'secondary' },
        renewal ? 'Send back' : 'Reject', el('span', { class: 'visually-hidden' }, ` ${name}`))));
  onSubmit(form, async (values, submitter) => {
    const approved = submitter?.value === 'approve';
    const path = renewal ? 'renewal-review' : 'eligibility';
    await api(`/api/membership/admin/memberships/${membership.id}/${path}`, { method: 'POST',
      body: { approved, reason: values.reason } });
    await render(approved
      ? `${renewal ? 'Renewal' : 'Eligibility'} of ${name} approved: the invoice is issued.`
      : `${renewal ? 'Renewal' : 'Application'} of ${name} ${renewal ? 'sent back' : 'rejected'}.`);
  });
  return el('li', { class: 'card', 'data-membership': membership.id },
    el('h3', {}, name, ' ', el('span', { class: 'tag' }, renewal ? 'Renewal' : 'Application')),
    el('dl', { class: 'facts' },
      el('dt', {}, 'E-mail'), el('dd', {}, membership.member?.email || '—'),
      el('dt', {}, 'Job role'), el('dd', {}, membership.member?.jobRole || '—'),
      el('dt', {}, 'Organisation'), el('dd', {}, organisationName(organisations, membership.member?.organisationId)),
      el('dt', {}, renewal ? 'Membership year' : 'Applied'),
      el('dd', {}, renewal ? `${formatDate(membership.startedOn)} to ${formatDate(membership.expiresOn)}`
        : formatDateTime(membership.appliedAt))),
    renewal
      ? [el('h4', {}, 'CPD of the year'),
        el('p', {}, `${hours(evidence.hours)} hours (at least ${hours(evidence.minimumHours)}), ${evidence.reflections} with a `
          + `reflection (at least ${evidence.minimumReflections}).`),
        el('h4', {}, 'Statement'), el('p', { class: 'evidence' }, membership.renewalStatement || 'None given.')]
      : [el('h4', {}, 'Evidence of training and experience'),
        el('p', { class: 'evidence' }, membership.evidence || 'None given.')],
    form);
}

function paymentItem(invoice, membership) {
  // an ILM award programme's fee has no membership (accreditation-service's enrolment, docs/adr/0006)
  const award = invoice.purpose === 'AWARD';
  const name = award ? invoicePurpose(invoice) : personName(membership?.member);
  const prefix = `pay-${invoice.id}`;
  const form = el('form', { class: 'stacked', id: prefix, 'aria-label': `Payment of invoice ${invoice.number}` },
    field(prefix, 'method', 'Paid by', { required: true, value: 'BANK_TRANSFER',
      options: ['BANK_TRANSFER', 'CHEQUE', 'CASH', 'OTHER'].map(m => [m, humanise(m)]) }),
    field(prefix, 'reference', 'Reference', { hint: 'The bank transfer’s or cheque’s reference',
      attributes: { maxlength: 200 } }),
    field(prefix, 'paidOn', 'Paid on', { type: 'date', required: true, value: today(),
      attributes: { min: invoice.issuedOn } }),
    el('p', {}, el('button', { type: 'submit' }, 'Record payment',
      el('span', { class: 'visually-hidden' }, ` of ${invoice.number}`))));
  onSubmit(form, async values => {
    const result = await api(`/api/membership/admin/${award ? 'award-invoices' : 'invoices'}/${invoice.id}/payment`,
      { method: 'POST', body: { method: values.method, reference: values.reference || null, paidOn: values.paidOn } });
    await render(award ? `Payment of ${invoice.number} recorded.` : `Payment of ${invoice.number} recorded: ${name}'s `
      + `membership is ${statusLabel(result.status).toLowerCase()} until ${formatDate(result.expiresOn)}.`);
  });
  return el('li', { class: 'card', 'data-invoice': invoice.number },
    el('h3', {}, invoice.number, ' · ', name),
    el('p', {}, `${invoicePurpose(invoice)}: `,
      el('strong', {}, money(invoice.amount, invoice.currency)),
      `, issued ${formatDate(invoice.issuedOn)}, due ${formatDate(invoice.dueOn)}.`),
    form);
}

render();
