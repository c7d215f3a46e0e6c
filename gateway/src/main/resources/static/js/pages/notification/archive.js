// The newsletter's public archive: the issues sent, newest first, and each one to read at ?issue=<id> (the "Read it
// on the web" link of every copy). Anyone may read it, signed in or not.
import { shell } from '../../shell.js';
import { api, ApiError } from '../../api.js';
import { el, formatDate, NEWSLETTER_ELEMENTS, sanitisedNodes } from '../../dom.js';

await shell();
const host = document.getElementById('archive');
const ARCHIVE = '/api/notifications/newsletters/archive';
const issueId = new URLSearchParams(location.search).get('issue');

if (issueId) await issue(issueId);
else await archive();

async function archive() {
  let issues;
  try {
    issues = await api(ARCHIVE);
  } catch {
    unavailable('The archive');
    return;
  }
  host.replaceChildren(
    el('p', { class: 'lead' }, 'The quarterly newsletter of the Exchange: outcomes published by the groups, '
      + 'development days and events to come, and news from the programme team.'),
    issues.length
      ? el('ol', { class: 'archive-list', 'data-testid': 'archive-issues', 'aria-label': 'Issues sent, newest first' },
          issues.map(sent => el('li', { class: 'card' },
            el('h2', {}, el('a', { href: `/newsletters.html?issue=${encodeURIComponent(sent.id)}` }, sent.title)),
            el('p', {}, `Sent ${formatDate(sent.sentAt)}`))))
      : el('p', {}, 'No issue has been sent yet.'),
    el('p', {}, 'Members and practitioners who agree to it get each issue by e-mail; choose what reaches you in ',
      el('a', { href: '/preferences.html' }, 'your e-mail preferences'), '.'));
}

async function issue(id) {
  let sent;
  try {
    sent = await api(`${ARCHIVE}/${encodeURIComponent(id)}/content`);
  } catch (error) {
    // an address that names no issue (404) or no issue id at all (400) is not in the archive
    unavailable(error instanceof ApiError && [400, 404].includes(error.status) ? null : 'This issue');
    return;
  }
  document.title = `${sent.title} - Newsletter archive - Exchange`;
  document.getElementById('title').textContent = sent.title;
  host.replaceChildren(
    el('p', {}, el('a', { href: '/newsletters.html' }, 'Back to the newsletter archive')),
    el('p', { class: 'hint' }, `Sent ${formatDate(sent.sentAt)}`),
    el('article', { class: 'newsletter-issue', 'aria-labelledby': 'title', 'data-testid': 'archive-issue' },
      sanitisedNodes(sent.html, NEWSLETTER_ELEMENTS)));
}

function unavailable(what) {
  host.replaceChildren(el('p', { class: 'notice error', role: 'alert' }, what
    ? `${what} is not available just now; try again in a moment.`
    : 'There is no such issue in the archive.'),
    el('p', {}, el('a', { href: '/newsletters.html' }, 'Back to the newsletter archive')));
}
