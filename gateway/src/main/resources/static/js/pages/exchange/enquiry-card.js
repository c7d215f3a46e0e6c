// An enquiry as the person who sent it and the programme admins read it: who it went to, its status, the message and
// the replies, oldest first. Texts are plain text, shown as text (never as HTML).
import { el, formatDateTime } from '../../dom.js';

const STATUS = { NEW: 'Waiting for an answer', ANSWERED: 'Answered', CLOSED: 'Closed' };

/** The words for an enquiry's status. */
export function statusWords(status) {
  return STATUS[status] || status;
}

/** The enquiry's message and replies, under a heading of the given level. */
export function enquiryCard(enquiry, { heading = 'h2', from = false, actions = null } = {}) {
  return el('li', { class: 'card enquiry', id: `enquiry-${enquiry.id}`, 'data-testid': 'enquiry' },
    el(heading, {}, enquiry.subject),
    el('p', {}, el('span', { class: `tag enquiry-${enquiry.status.toLowerCase()}`, 'data-testid': 'enquiry-status' },
      statusWords(enquiry.status)),
      ` To ${enquiry.to}`, from ? ` from ${enquiry.fromName}` : '', `, sent ${formatDateTime(enquiry.sentAt)}`),
    el('p', { class: 'plain-text' }, enquiry.message),
    enquiry.replies.length
      ? el('ol', { class: 'replies', 'aria-label': `Answers to ${enquiry.subject}` },
          enquiry.replies.map(reply => el('li', { class: 'reply', 'data-testid': 'reply' },
            el('p', { class: 'hint' }, `${reply.authorName} answered ${formatDateTime(reply.sentAt)}`),
            el('p', { class: 'plain-text' }, reply.text))))
      : el('p', { class: 'hint' }, enquiry.status === 'CLOSED' ? 'Closed without an answer.' : 'No answer yet.'),
    actions);
}
