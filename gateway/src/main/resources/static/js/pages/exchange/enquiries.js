// Your enquiries: what the person asked a network or the Learning Exchange, newest first, with its status and the
// programme team's answers.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { fill, failed } from './common.js';
import { enquiryCard } from './enquiry-card.js';

await shell({ signInRequired: true });
const host = document.getElementById('page');
try {
  const enquiries = await api('/api/exchange/me/enquiries');
  fill(host, enquiries.length
    ? el('ol', { class: 'stack', 'data-testid': 'enquiries' }, enquiries.map(enquiry => enquiryCard(enquiry)))
    : el('p', {}, 'You have sent no enquiry yet. A network\'s page has a link to contact it.'));
} catch (error) {
  failed(host, error, 'Your enquiries');
}
