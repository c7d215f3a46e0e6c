// The contact form: a signed-in person writes to a network (?network=<id>, from the network's page) or to the
// Learning Exchange. Programme admins answer from their inbox; the answer comes by e-mail and under Your enquiries.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { field, onSubmit, fill, done, networkList, param } from './common.js';

await shell({ signInRequired: true });
const host = document.getElementById('page');
const networks = await networkList();
const chosen = networks.find(network => network.id === param('network'));
if (chosen) {
  document.getElementById('title').textContent = `Contact ${chosen.name}`;
  document.title = `Contact ${chosen.name} - Exchange`;
}
const form = el('form', { id: 'enquiry', class: 'stacked' },
  field('enquiry', 'networkId', 'To', { conditional: true, value: chosen?.id || '',
    hint: 'A network for its groups and events; the Learning Exchange for membership, awards and anything else.',
    options: [['', 'The Learning Exchange'], ...networks.map(network => [network.id, network.name])] }),
  field('enquiry', 'subject', 'Subject', { required: true, attributes: { maxlength: 200 } }),
  field('enquiry', 'message', 'Your message', { type: 'textarea', required: true,
    hint: 'Up to 5,000 characters.', attributes: { maxlength: 5000, rows: 8 } }),
  el('button', { type: 'submit' }, 'Send the enquiry'));
fill(host, form);
onSubmit(form, async values => {
  const enquiry = await api('/api/exchange/enquiries', { method: 'POST',
    body: { networkId: values.networkId || null, subject: values.subject, message: values.message } });
  done(host, `Your enquiry "${enquiry.subject}" was sent to ${enquiry.to}. The answer will reach you by e-mail and `
    + 'under Your enquiries.');
  host.append(el('p', {}, el('a', { href: '/enquiries.html' }, 'Your enquiries')));
});
