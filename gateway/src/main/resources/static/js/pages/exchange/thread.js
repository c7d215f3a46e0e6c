// A discussion thread (?id=<thread id>): its posts, oldest first, rendered from the HTML exchange-service sanitised
// (sanitised once more on the way into the page), with the reader's new posts marked; replying in Markdown, marking a
// post helpful and reporting one with a reason, with links and files (downloaded from the post); for facilitators, pinning the thread, marking a reply as what works,
// carrying it into the group's outcome draft and hiding a post with a reason.
import { shell } from '../../shell.js';
import { api, ApiError } from '../../api.js';
import { el, formatDateTime, announce, replaceStatus, sanitisedNodes } from '../../dom.js';
import { field, onSubmit, param, loadOrStop, fill, spaceOwner, discussionHref, markdownHint } from './common.js';
import { mentionPicker } from './mentions.js';
import { resourceLinks, linksFrom } from './resource-links.js';
import { fileField, uploadFiles, postFiles } from './post-files.js';

const me = await shell({ signInRequired: true });
const host = document.getElementById('page');
let thread = await loadOrStop(host,
  `/api/exchange/discussions/threads/${encodeURIComponent(param('id') || '')}`, 'This thread');
const space = await api(`/api/exchange/discussions/${thread.spaceId}`).catch(() => ({ id: thread.spaceId }));
const owner = space.kind ? await spaceOwner(space) : { name: 'the discussion' };
document.title = `${thread.title} - Discussion: ${owner.name} - Exchange`;
document.getElementById('title').textContent = thread.title;

/** Posts the reader reported on this page (the API refuses a second report). */
const reported = new Set();
const status = el('div', { id: 'thread-status', role: 'status' });
const facts = el('p', { id: 'thread-facts' });
const posts = el('ol', { class: 'stack posts', 'data-testid': 'posts', 'aria-labelledby': 'posts-heading' });
const reply = el('div', { id: 'reply' });
fill(host,
  el('p', {}, el('a', { href: discussionHref(space) }, `Back to the discussion: ${owner.name}`)),
  facts, status,
  el('h2', { id: 'posts-heading' }, 'Posts'), posts, reply);

function renderFacts() {
  const count = thread.posts.filter(post => post.unread).length;
  fill(facts,
    thread.pinned ? el('span', { class: 'tag pinned', 'data-testid': 'thread-pinned' }, 'Pinned') : null,
    count ? el('span', { class: 'tag unread' }, count === 1 ? '1 new post' : `${count} new posts`) : null,
    thread.moderates && !thread.readOnly ? el('button', { type: 'button', class: 'secondary', id: 'pin',
      onclick: pin }, thread.pinned ? 'Unpin the thread' : 'Pin the thread') : null);
}

async function pin() {
  const pinned = !thread.pinned;
  const summary = await act(() => api(`/api/exchange/discussions/threads/${thread.id}/pin`,
    { method: pinned ? 'PUT' : 'DELETE' }), pinned ? 'The thread is pinned: it shows first in the discussion.'
    : 'The thread is no longer pinned.');
  if (!summary) return;
  thread.pinned = summary.pinned;
  renderFacts();
  document.getElementById('pin').focus();
}

/** Runs an API call and says what came of it in the page's status; the answer, or null when it was refused. */
async function act(call, success) {
  try {
    const answer = await call();
    say(typeof success === 'function' ? success(answer) : success, true);
    return answer ?? {};
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    say(error.message, false);
    return null;
  }
}

function say(message, ok) {
  fill(status, replaceStatus(el('p', { class: `notice ${ok ? 'success' : 'error'}` }, message)));
  announce(message);
}

function postItem(post) {
  const headingId = `post-${post.id}-by`;
  const mine = post.authorId && post.authorId === me.subject;
  const by = post.authorName || 'A member';
  return el('li', { id: `post-${post.id}` }, el('article', { class: `card post${post.whatWorks ? ' what-works' : ''}`,
    tabindex: '-1', 'aria-labelledby': headingId, 'data-testid': 'post' },
    el('h3', { id: headingId }, by,
      el('span', { class: 'visually-hidden' }, post.opensThread ? ', who started the thread' : ', replied')),
    el('p', { class: 'post-meta' },
      el('time', { datetime: post.postedAt }, formatDateTime(post.postedAt)),
      post.unread ? el('span', { class: 'tag unread', 'data-testid': 'post-new' }, 'New') : null,
      post.whatWorks ? el('span', { class: 'tag what-works', 'data-testid': 'post-what-works' }, 'What works') : null),
    body(post),
    post.links?.length ? el('ul', { class: 'post-links' }, post.links.map(link => el('li', {},
      el('a', { href: link.url, rel: 'nofollow noopener' }, link.title || link.url)))) : null,
    post.hidden ? null : postFiles(post),
    post.hidden ? null : actions(post, by, mine)));
}

function body(post) {
  if (post.hidden) {
    return el('p', { class: 'notice', 'data-testid': 'post-hidden' }, 'A facilitator hid this post. Reason: ',
      post.hiddenReason || 'none given');
  }
  if (post.html == null) return el('p', { class: 'muted' }, 'The text was removed at its author\'s request.');
  return el('div', { class: 'post-body', 'data-testid': 'post-body' }, sanitisedNodes(post.html));
}

function actions(post, by, mine) {
  // words for screen readers after the visible label (which the name starts with, WCAG 2.5.3)
  const about = el('span', { class: 'visually-hidden' }, ` for the post by ${by}`);
  return el('div', { class: 'post-actions' },
    el('div', { class: 'actions' },
      !thread.readOnly && !mine ? el('button', { type: 'button', class: 'secondary helpful',
        'aria-pressed': String(post.helpfulToMe), onclick: () => helpful(post) },
        `Helpful (${post.helpful})`, about.cloneNode(true)) : null,
      !thread.readOnly && mine && post.helpful ? el('span', { class: 'muted' }, `Helpful to ${post.helpful}`) : null,
      thread.moderates && !thread.readOnly && !post.opensThread ? el('button', { type: 'button',
        class: 'secondary what-works-toggle', onclick: () => whatWorks(post) },
        post.whatWorks ? 'Take off what works' : 'Mark as what works', about.cloneNode(true)) : null,
      thread.moderates && !thread.readOnly && post.whatWorks && space.groupId ? el('button', { type: 'button',
        class: 'secondary carry-into-outcome', onclick: () => carryIntoOutcome(post) },
        'Add to the outcome draft', about.cloneNode(true)) : null),
    mine ? null : reportForm(post),
    thread.moderates ? hideForm(post) : null);
}

async function helpful(post) {
  const marked = !post.helpfulToMe;
  const answer = await act(() => api(`/api/exchange/discussions/posts/${post.id}/helpful`,
    { method: marked ? 'PUT' : 'DELETE' }), marked ? `You found the post by ${post.authorName} helpful.`
    : 'Your helpful mark is taken back.');
  if (!answer) return;
  rerender({ ...post, helpful: answer.helpful, helpfulToMe: answer.helpfulToMe }, 'button.helpful');
}

async function whatWorks(post) {
  const works = !post.whatWorks;
  const answer = await act(() => api(`/api/exchange/discussions/posts/${post.id}/what-works`,
    { method: works ? 'PUT' : 'DELETE' }), works ? `The reply by ${post.authorName} is marked as what works.`
    : 'The what-works mark is taken off.');
  if (answer) rerender({ ...answer, unread: post.unread }, 'button.what-works-toggle');
}

/** A facilitator quotes a reply marked what works in the group's outcome draft; nothing is published. */
async function carryIntoOutcome(post) {
  const item = await act(() => api(`/api/exchange/discussions/posts/${post.id}/outcome-draft`, { method: 'POST' }),
    answer => `The reply by ${answer.attribution} is quoted in the group's outcome draft. Nothing is published: `
      + 'use it when you write up the outcome on the group\'s facilitation page.');
  if (item) {
    status.querySelector('.notice')?.append(' ', el('a', { href: `/facilitate/group.html?id=${space.groupId}#outcome` },
      'Open the outcome draft'));
  }
}

function reportForm(post) {
  if (reported.has(post.id)) {
    return el('p', { class: 'muted', 'data-testid': 'post-reported' }, 'You reported this post.');
  }
  return reasonForm(post, { kind: 'report', summary: 'Report this post', label: 'Why you report it',
    hint: 'The programme admins see your report and the post; the author does not see who reported it.',
    button: el('button', { type: 'submit', class: 'secondary' }, 'Send the report') }, async reason => {
    await api(`/api/exchange/discussions/posts/${post.id}/reports`, { method: 'POST', body: { reason } });
    reported.add(post.id);
    say('Thank you: your report reached the programme admins.', true);
    rerender(post, '[data-testid="post-reported"]');
  });
}

function hideForm(post) {
  return reasonForm(post, { kind: 'hide', summary: 'Hide this post', label: 'Reason for hiding',
    hint: 'Shown in place of the post to everyone who reads the thread, and kept on the audit trail.',
    button: el('button', { type: 'submit', class: 'danger' }, 'Hide the post') }, async reason => {
    const hidden = await api(`/api/exchange/discussions/posts/${post.id}/hiding`, { method: 'POST', body: { reason } });
    say(`The post by ${post.authorName} is hidden.`, true);
    rerender({ ...hidden, unread: post.unread }, '[data-testid="post-hidden"]');
  });
}

/** A form folded under its summary that asks for a reason (required) and hands it to submit. */
function reasonForm(post, { kind, summary, label, hint, button }, submit) {
  const formId = `${kind}-${post.id}`;
  const form = el('form', { id: formId, class: 'stacked' },
    field(formId, 'reason', label, { type: 'textarea', required: true, attributes: { maxlength: '1000' }, hint }),
    el('div', { class: 'actions' }, button));
  onSubmit(form, values => submit(values.reason));
  return el('details', { class: 'post-form' }, el('summary', {}, summary), form);
}

/** Shows a post again after an action on it, and puts focus back where the reader was (or on the post). */
function rerender(post, focus) {
  thread.posts = thread.posts.map(each => each.id === post.id ? post : each);
  const item = postItem(post);
  document.getElementById(`post-${post.id}`).replaceWith(item);
  const target = item.querySelector(focus);
  if (target && !target.matches('button')) target.setAttribute('tabindex', '-1');
  (target || item.querySelector('article')).focus();
}

function renderReply() {
  if (thread.readOnly) {
    fill(reply, el('p', { class: 'notice' }, thread.moderates
      ? 'The group has closed: its discussion stays to read, and nothing more is written in it.'
      : space.kind === 'LEARNING_EXCHANGE'
        ? ['Your Learning Exchange membership has lapsed: you may still read. ',
          el('a', { href: '/membership/' }, 'Renew your membership'), ' to reply.']
        : 'You may read this thread; the space\'s members reply in it.'));
    return;
  }
  const links = resourceLinks('reply');
  const form = el('form', { id: 'reply-form', class: 'stacked' },
    field('reply', 'text', 'Your reply', { type: 'textarea', required: true, hint: markdownHint,
      attributes: { maxlength: '10000', rows: '6' } }),
    links,
    fileField('reply'),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Post the reply')));
  mentionPicker(form.querySelector('textarea'), thread.spaceId);
  onSubmit(form, async values => {
    const attachments = await uploadFiles(form, thread.spaceId);
    const post = await api(`/api/exchange/discussions/threads/${thread.id}/replies`, { method: 'POST',
      body: { text: values.text, links: linksFrom(values), attachments } });
    form.reset();
    links.reset();
    thread.posts.push(post);
    const item = postItem(post);
    posts.append(item);
    say('Your reply is posted.', true);
    item.querySelector('article').focus();
  });
  fill(reply, el('h2', {}, 'Reply'), form);
}

renderFacts();
fill(posts, thread.posts.map(postItem));
renderReply();
// arriving at one post (a reported one, from the programme admins' list): take the reader there
const arrived = location.hash && document.getElementById(location.hash.slice(1));
arrived?.querySelector('article')?.focus();
