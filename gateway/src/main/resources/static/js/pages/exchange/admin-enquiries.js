// Enquiries (programme admins): the shared inbox of every network's contact form and the Learning Exchange's, newest
// first, filtered by status and network; opening one shows its message and answers, with a form to answer it (the
// answer is e-mailed to the person) and a button to close it. The platform has no per-network admin: every
// programme admin shares the inbox.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDateTime, announce } from '../../dom.js';
import { field, onSubmit, fill, failed, table, networkList, tell } from './common.js';
import { enquiryCard, statusWords } from './enquiry-card.js';

const LEARNING_EXCHANGE = 'learning-exchange';

await shell({ signInRequired: true });
const host = document.getElementById('page');
const networks = await networkList();
const filter = el('form', { id: 'enquiry-filter', class: 'stacked', onsubmit: e => e.preventDefault() },
  field('enquiry-filter', 'status', 'Status', { value: 'NEW', conditional: true,
    options: [['', 'All'], ['NEW', 'New'], ['ANSWERED', 'Answered'], ['CLOSED', 'Closed']] }),
  field('enquiry-filter', 'network', 'Sent to', { value: '', conditional: true,
    options: [['', 'Every network and the Learning Exchange'], [LEARNING_EXCHANGE, 'The Learning Exchange'],
      ...networks.map(network => [network.id, network.name])] }));
const status = el('div', { id: 'enquiry-status', role: 'status' });
const list = el('div', { id: 'inbox' }, el('p', {}, 'Loading…'));
const detail = el('section', { id: 'enquiry-detail', 'aria-label': 'The enquiry opened' });
fill(host, filter, status, list, detail);
filter.addEventListener('change', () => render());

async function render() {
  const query = new URLSearchParams();
  const chosenStatus = filter.elements.status.value;
  const chosenNetwork = filter.elements.network.value;
  if (chosenStatus) query.set('status', chosenStatus);
  if (chosenNetwork === LEARNING_EXCHANGE) query.set('learningExchange', 'true');
  else if (chosenNetwork) query.set('networkId', chosenNetwork);
  let inbox;
  try {
    inbox = await api(`/api/exchange/enquiries?${query}`);
  } catch (error) {
    failed(list, error, 'The enquiries');
    return;
  }
  const counts = `New ${inbox.counts.NEW}, answered ${inbox.counts.ANSWERED}, closed ${inbox.counts.CLOSED} in all.`;
  fill(list, el('p', { 'data-testid': 'enquiry-counts' }, counts), inbox.enquiries.length
    ? table(`${inbox.enquiries.length} enquir${inbox.enquiries.length === 1 ? 'y' : 'ies'}`,
        ['Subject', 'From', 'Sent to', 'Received', 'Status', 'Action'],
        inbox.enquiries.map(enquiry => [enquiry.subject, enquiry.fromName, enquiry.to,
          formatDateTime(enquiry.sentAt), statusWords(enquiry.status),
          el('button', { type: 'button', class: 'secondary', onclick: () => open(enquiry.id) }, 'Open',
            el('span', { class: 'visually-hidden' }, ` ${enquiry.subject} from ${enquiry.fromName}`))]))
    : el('p', { 'data-testid': 'no-enquiries' }, 'No enquiry here.'));
}

async function open(id) {
  let enquiry;
  try {
    enquiry = await api(`/api/exchange/enquiries/${id}`);
  } catch (error) {
    failed(detail, error, 'The enquiry');
    return;
  }
  const actions = [];
  if (enquiry.status !== 'CLOSED') {
    const form = el('form', { id: 'reply', class: 'stacked' },
      field('reply', 'text', 'Your answer', { type: 'textarea', required: true,
        hint: `E-mailed to ${enquiry.fromName} and shown to them in the portal. Plain text, up to 5,000 characters.`,
        attributes: { maxlength: 5000, rows: 8 } }),
      el('div', { class: 'actions' },
        el('button', { type: 'submit' }, 'Send the answer'),
        el('button', { type: 'button', class: 'secondary', onclick: () => close(enquiry) }, 'Close the enquiry')));
    onSubmit(form, async values => {
      await api(`/api/exchange/enquiries/${enquiry.id}/replies`, { method: 'POST', body: { text: values.text } });
      say(`Your answer to "${enquiry.subject}" was sent to ${enquiry.fromName}.`);
      await Promise.all([render(), open(enquiry.id)]);
    });
    actions.push(form);
  }
  fill(detail, el('h2', {}, 'The enquiry'), el('ol', { class: 'stack' },
    enquiryCard(enquiry, { heading: 'h3', from: true, actions })));
  detail.querySelector('h2').setAttribute('tabindex', '-1');
  detail.querySelector('h2').focus();
}

async function close(enquiry) {
  await tell(status, async () => {
    await api(`/api/exchange/enquiries/${enquiry.id}/closing`, { method: 'POST' });
    return `"${enquiry.subject}" is closed.`;
  }, 'The enquiry could not be closed.');
  await Promise.all([render(), open(enquiry.id)]);
}

function say(message) {
  fill(status, el('p', { class: 'notice success' }, message));
  announce(message);
}

render();
