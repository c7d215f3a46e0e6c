// A discussion space, a group's, a network's or the Learning Exchange's (?group=<id>, ?network=<id>,
// ?learning-exchange or ?space=<id>): its threads, pinned first, with the reader's unread posts; search within it;
// starting a thread in Markdown with resource links and a mention picker; for a facilitator of a closed group,
// opening its discussion to the network.
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDateTime, announce, replaceStatus } from '../../dom.js';
import { field, onSubmit, failed, param, loadOrStop, fill, spaceOwner, tell, markdownHint } from './common.js';
import { mentionPicker } from './mentions.js';
import { resourceLinks, linksFrom } from './resource-links.js';
import { fileField, uploadFiles } from './post-files.js';

await shell({ signInRequired: true });
const host = document.getElementById('page');

const address = new URLSearchParams(location.search).has('learning-exchange')
  ? '/api/exchange/learning-exchange/discussion'
  : param('group') ? `/api/exchange/groups/${encodeURIComponent(param('group'))}/discussion`
  : param('network') ? `/api/exchange/networks/${encodeURIComponent(param('network'))}/discussion`
    : `/api/exchange/discussions/${encodeURIComponent(param('space') || '')}`;
let space = await loadOrStop(host, address, 'This discussion');
const owner = await spaceOwner(space);
document.title = `Discussion: ${owner.name} - Exchange`;
document.getElementById('title').textContent = `Discussion: ${owner.name}`;

const status = el('div', { id: 'discussion-status', role: 'status' });
const about = el('div', { id: 'about' });
const listHeading = el('h2', { id: 'threads-heading', tabindex: '-1' }, 'Threads');
const unread = el('p', { 'data-testid': 'space-unread' });
const threads = el('div', { id: 'threads' });
const query = el('input', { type: 'search', id: 'search-q', name: 'q', maxlength: '200', 'data-label': 'Search words' });
const search = el('form', { id: 'search', class: 'search', role: 'search', 'aria-label': 'Search the discussion' },
  el('label', { for: 'search-q' }, 'Search words'),
  el('div', { class: 'actions' }, query, el('button', { type: 'submit' }, 'Search the discussion')));
const start = el('div', { id: 'start' });
fill(host,
  el('p', {}, el('a', { href: owner.href }, space.kind === 'LEARNING_EXCHANGE' ? 'Your Learning Exchange membership'
    : `Back to the ${space.groupId ? 'group' : 'network'} ${owner.name}`)),
  about, status, search, listHeading, unread, threads, start);

search.addEventListener('submit', async event => {
  event.preventDefault();
  const words = query.value.trim();
  if (!words) {
    await showAll();
    listHeading.focus();
    return;
  }
  let found;
  try {
    found = await api(`/api/exchange/discussions/${space.id}/search?q=${encodeURIComponent(words)}`);
  } catch (error) {
    failed(threads, error, 'The search');
    return;
  }
  listHeading.textContent = `Threads matching "${words}"`;
  fill(unread, found.length === 1 ? '1 thread found.' : `${found.length} threads found.`, ' ',
    el('button', { type: 'button', class: 'linklike', onclick: async () => { query.value = ''; await showAll();
      listHeading.focus(); } }, 'Show all threads'));
  renderThreads(found, 'No thread matches these words.');
  listHeading.focus();
});

function renderAbout() {
  fill(about,
    el('p', { class: 'lead' }, space.kind === 'LEARNING_EXCHANGE'
      ? 'The Learning Exchange\'s members talk here: ask for information, signposting and support, share what you '
        + 'tried and point to resources. Programme admins look after the discussion.'
      : space.groupId
      ? 'The group\'s members and facilitators talk here between meetings: ask, share what you tried, and point to '
        + 'resources. Facilitators pin threads and mark the replies that capture what works.'
      : 'Everyone who takes part in the network\'s groups talks here: ask, share and point to resources.'),
    space.readOnly ? el('p', { class: 'notice', 'data-testid': 'read-only' }, owner.group?.status === 'CLOSED'
      ? 'The group has closed: its discussion stays here to read, and nothing more is written in it.'
      : space.kind === 'LEARNING_EXCHANGE'
        ? ['Your Learning Exchange membership has lapsed: you may still read this discussion. ',
          el('a', { href: '/membership/' }, 'Renew your membership'), ' to write in it again.']
        : 'You may read this discussion; its members write in it.') : null,
    opening());
}

/** A facilitator of a closed group opens its discussion to the network, to read. */
function opening() {
  if (!space.moderates || !space.groupId || owner.group?.status !== 'CLOSED') return null;
  if (space.openedToNetwork) return el('p', {}, 'The discussion is open to everyone in the network, to read.');
  return el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', onclick: async () => {
    await tell(status, async () => {
      space = await api(`/api/exchange/groups/${space.groupId}/discussion/opening-to-network`, { method: 'POST' });
      return 'The discussion is open to everyone in the network, to read.';
    }, 'Opening the discussion failed; try again.');
    renderAbout();
    status.querySelector('.notice')?.setAttribute('tabindex', '-1');
    status.querySelector('.notice')?.focus();
  } }, 'Open the discussion to the network'));
}

async function showAll() {
  space = await api(`/api/exchange/discussions/${space.id}`).catch(() => space);
  renderList();
}

function renderList() {
  listHeading.textContent = 'Threads';
  fill(unread, space.unread === 1 ? '1 post you have not read.' : space.unread
    ? `${space.unread} posts you have not read.` : 'Nothing unread.');
  renderThreads(space.threads, 'No thread has been started yet.');
}

function renderThreads(list, none) {
  fill(threads, list.length
    ? el('ol', { class: 'stack threads', 'data-testid': 'threads' }, list.map(thread => el('li', { class: 'card' },
        el('h3', {}, el('a', { href: `/groups/thread.html?id=${thread.id}` }, thread.title)),
        el('p', {},
          thread.pinned ? el('span', { class: 'tag pinned' }, 'Pinned') : null,
          thread.unread ? el('span', { class: 'tag unread', 'data-testid': 'thread-unread' }, `${thread.unread} unread`)
            : null,
          `${thread.posts === 1 ? '1 post' : `${thread.posts} posts`}; last post `,
          el('time', { datetime: thread.lastPostAt }, formatDateTime(thread.lastPostAt)), '.'))))
    : el('p', {}, none));
}

function renderStart() {
  if (space.readOnly) {
    fill(start);
    return;
  }
  const links = resourceLinks('thread');
  const form = el('form', { id: 'thread', class: 'stacked' },
    field('thread', 'title', 'Title', { required: true, attributes: { maxlength: '200' },
      hint: 'What the thread is about, in a few words.' }),
    field('thread', 'text', 'Your message', { type: 'textarea', required: true, hint: markdownHint,
      attributes: { maxlength: '10000', rows: '6' } }),
    links,
    fileField('thread'),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Start the thread')));
  mentionPicker(form.querySelector('textarea'), space.id);
  onSubmit(form, async values => {
    const attachments = await uploadFiles(form, space.id);
    const thread = await api(`/api/exchange/discussions/${space.id}/threads`, { method: 'POST',
      body: { title: values.title, text: values.text, links: linksFrom(values), attachments } });
    form.reset();
    links.reset();
    await showAll();
    const message = `Thread started: "${thread.title}".`;
    fill(status, replaceStatus(el('p', { class: 'notice success', tabindex: '-1' }, message, ' ',
      el('a', { href: `/groups/thread.html?id=${thread.id}` }, 'Open the thread'))));
    announce(message);
    status.querySelector('.notice').focus();
  });
  fill(start, el('h2', {}, 'Start a thread'), form);
}

renderAbout();
renderList();
renderStart();
