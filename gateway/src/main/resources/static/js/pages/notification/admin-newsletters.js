// Programme admins: the newsletter. Without ?id, the issues and a form to draft a new one; with ?id, one issue:
// edit the draft (Markdown), preview it as HTML and as plain text, send a test to yourself, choose the audience with
// its count, schedule it now or for a time (or take it back), and watch it send with a live progress bar.
import { shell } from '../../shell.js';
import { api, ApiError } from '../../api.js';
import { el, formatDateTime, announce } from '../../dom.js';
import { field, onSubmit, loadFailed } from '../membership/forms.js';
import { fill, table, param } from '../exchange/common.js';
import { progressBar, showMessage } from '../accreditation/common.js';

const API = '/api/notifications/newsletters';
const STATUS = { DRAFT: 'Draft', SCHEDULED: 'Scheduled', SENDING: 'Sending', SENT: 'Sent' };
const REFRESH_MS = 2000;

await shell({ signInRequired: true });
const host = document.getElementById('newsletter');
const messageHost = document.getElementById('message');
let refreshTimer;

const audienceKey = audience => `${audience.segment}:${audience.ref || ''}`;
const audienceLabel = (audiences, audience) => audiences.find(a => audienceKey(a) === audienceKey(audience))?.label
  || audience.segment;

async function audienceOptions() {
  return api(`${API}/audiences`);
}

function audienceField(prefix, audiences, selected) {
  return field(prefix, 'audience', 'Audience', {
    required: true, value: selected ? audienceKey(selected) : 'CONSENTED:',
    hint: 'Only people who agreed to the newsletter, and have not unsubscribed, are counted or sent it.',
    options: audiences.map(a => [audienceKey(a), `${a.label} (${a.count} ${a.count === 1 ? 'person' : 'people'})`])
  });
}

const toAudience = key => {
  const [segment, ...rest] = key.split(':');
  const ref = rest.join(':');
  return ref ? { segment, ref } : { segment };
};

async function list(message) {
  let issues;
  let audiences;
  try {
    [issues, audiences] = await Promise.all([api(API), audienceOptions()]);
  } catch (error) {
    loadFailed(host, error, 'The newsletter');
    return;
  }
  showMessage(messageHost, message);
  const form = el('form', { class: 'stacked card', id: 'new-issue', 'aria-labelledby': 'new-issue-heading' },
    el('h2', { id: 'new-issue-heading' }, 'Draft a new issue'),
    el('p', {}, 'The draft lists the outcomes published this quarter, the events coming up with their key speakers, '
      + 'and the groups forming. You then edit it.'),
    field('new-issue', 'title', 'Title', { hint: 'Leave it empty for "The Exchange newsletter" and the quarter.',
      attributes: { maxlength: 200 } }),
    audienceField('new-issue', audiences),
    el('p', {}, el('button', { type: 'submit' }, 'Draft the issue')));
  onSubmit(form, async values => {
    const issue = await api(API, { method: 'POST', body: { title: values.title || null,
      audience: toAudience(values.audience) } });
    location.assign(`/admin/newsletters.html?id=${encodeURIComponent(issue.id)}`);
  });
  fill(host,
    issues.length ? table('Issues', ['Issue', 'Status', 'Audience', 'Sent', 'Failed'], issues.map(issue => [
      el('a', { href: `/admin/newsletters.html?id=${encodeURIComponent(issue.id)}` }, issue.title),
      STATUS[issue.status] || issue.status, audienceLabel(audiences, issue.audience),
      `${issue.progress.sent} of ${issue.progress.recipients}`, String(issue.progress.failed)]))
      : el('p', {}, 'No issue yet.'),
    form,
    el('p', {}, el('a', { href: '/api/notifications/newsletters/archive' }, 'The archive of sent issues (JSON)')));
}

async function issuePage(id, message) {
  clearTimeout(refreshTimer);
  let issue;
  let audiences;
  try {
    [issue, audiences] = await Promise.all([api(`${API}/${encodeURIComponent(id)}`), audienceOptions()]);
  } catch (error) {
    loadFailed(host, error, 'This issue');
    return;
  }
  document.getElementById('page-title').textContent = issue.title;
  document.title = `${issue.title} - Exchange`;
  document.getElementById('page-lead').replaceChildren(el('a', { href: '/admin/newsletters.html' },
    'All issues of the newsletter'));
  showMessage(messageHost, message);
  const draft = issue.status === 'DRAFT';
  fill(host,
    el('p', { 'data-testid': 'issue-status' }, el('strong', {}, 'Status: '), STATUS[issue.status] || issue.status,
      issue.sendAt && issue.status === 'SCHEDULED' ? `, to start ${formatDateTime(issue.sendAt)}` : '',
      ' · ', el('strong', {}, 'Audience: '), audienceLabel(audiences, issue.audience)),
    issue.status === 'SENDING' || issue.status === 'SENT' ? progressSection(issue) : null,
    draft ? editor(issue, audiences) : el('details', {}, el('summary', {}, 'The text of this issue (Markdown)'),
      el('pre', { class: 'plain-text' }, issue.markdown)),
    previewSection(issue),
    testSection(issue),
    draft ? scheduleSection(issue) : null,
    issue.status === 'SCHEDULED' ? cancelSection(issue) : null);
  if (issue.status === 'SENDING' || issue.status === 'SCHEDULED') {
    refreshTimer = setTimeout(() => refreshProgress(issue.id, issue.status), REFRESH_MS);
  }
}

function progressSection(issue) {
  const p = issue.progress;
  const total = Math.max(p.recipients, 1);
  return el('section', { 'aria-labelledby': 'progress-title', id: 'progress' },
    el('h2', { id: 'progress-title' }, issue.status === 'SENT' ? 'Sent' : 'Sending'),
    progressBar('send-progress', 'Copies sent', (100 * (p.sent + p.failed)) / total,
      `${p.sent} sent, ${p.failed} failed, ${p.queued} queued, of ${p.recipients}`),
    el('p', { 'data-testid': 'progress-figures' }, `Sent ${p.sent} · Failed ${p.failed} · Queued ${p.queued}`
      + (p.bounced ? ` · Bounced ${p.bounced}` : '') + (p.cancelled ? ` · Withdrawn ${p.cancelled}` : '')),
    p.failed || p.bounced ? failuresSection(issue) : null,
    issue.status === 'SENT' ? el('p', {}, el('a', { href: `/api/notifications/newsletters/archive/${issue.id}` },
      'Read it in the archive')) : null);
}

function failuresSection(issue) {
  const box = el('div', { id: 'failures' }, el('p', {}, 'Loading the failures…'));
  api(`${API}/${issue.id}/failures`).then(failures => fill(box,
    table('Copies that could not be delivered', ['Address', 'Status', 'Attempts', 'Reply of the mail server'],
      failures.map(f => [f.recipient, f.status === 'BOUNCED' ? 'Bounced' : 'Failed', String(f.attempts),
        f.smtpReply || ''])),
    issue.progress.failed ? el('p', {}, el('button', { type: 'button', class: 'secondary', onclick: async () => {
      const resent = await api(`${API}/${issue.id}/failures/resend`, { method: 'POST' });
      await issuePage(issue.id, `${resent.queued} copies queued again.`);
    } }, 'Send the failed copies again')) : null)).catch(error => loadFailed(box, error, 'The failures'));
  return box;
}

/** Follows an issue while it waits or sends: the progress bar in place, the whole page when its status changes. */
async function refreshProgress(id, shownStatus) {
  try {
    const issue = await api(`${API}/${encodeURIComponent(id)}`);
    if (issue.status !== shownStatus) {
      await issuePage(id);
      if (issue.status === 'SENT') {
        announce(`The issue is sent: ${issue.progress.sent} copies delivered, ${issue.progress.failed} failed.`);
      }
      return;
    }
    document.getElementById('progress')?.replaceWith(progressSection(issue));
    refreshTimer = setTimeout(() => refreshProgress(id, shownStatus), REFRESH_MS);
  } catch (error) {
    refreshTimer = setTimeout(() => refreshProgress(id, shownStatus), REFRESH_MS * 2);
  }
}

function editor(issue, audiences) {
  const form = el('form', { class: 'stacked', id: 'edit-issue', 'aria-labelledby': 'edit-title' },
    el('h2', { id: 'edit-title' }, 'Edit the draft'),
    field('edit-issue', 'title', 'Title', { required: true, value: issue.title, attributes: { maxlength: 200 } }),
    audienceField('edit-issue', audiences, issue.audience),
    field('edit-issue', 'markdown', 'Text', { type: 'textarea', required: true, value: issue.markdown, rows: 18,
      hint: 'Markdown: ## for a heading, - for a list item, **bold**, [a link](https://…). Add your own items.' }),
    el('p', {}, el('button', { type: 'submit' }, 'Save the draft')));
  onSubmit(form, async values => {
    await api(`${API}/${issue.id}`, { method: 'PUT', body: { title: values.title, markdown: values.markdown,
      audience: toAudience(values.audience) } });
    await issuePage(issue.id, 'The draft is saved.');
  });
  return form;
}

function previewSection(issue) {
  const box = el('div', { id: 'preview-box' });
  const show = async () => {
    const preview = await api(`${API}/${issue.id}/preview`);
    fill(box,
      el('h3', {}, 'As HTML'),
      el('iframe', { title: `Preview of ${issue.title} as HTML`, class: 'mail-preview', sandbox: '',
        srcdoc: preview.html, 'data-testid': 'preview-html' }),
      el('h3', {}, 'As plain text'),
      el('pre', { class: 'plain-text', 'data-testid': 'preview-text', tabindex: '0' }, preview.text));
    announce('The preview is shown below.');
  };
  return el('section', { 'aria-labelledby': 'preview-title' },
    el('h2', { id: 'preview-title' }, 'Preview'),
    el('p', {}, 'How a copy looks, saved text only; each person\'s copy has their own unsubscribe link.'),
    el('p', {}, el('button', { type: 'button', class: 'secondary', onclick: show }, 'Preview the issue')),
    box);
}

function testSection(issue) {
  const result = el('div', { id: 'test-result' });
  return el('section', { 'aria-labelledby': 'test-title' },
    el('h2', { id: 'test-title' }, 'Send a test'),
    el('p', {}, el('button', { type: 'button', class: 'secondary', onclick: async () => {
      try {
        const sent = await api(`${API}/${issue.id}/test`, { method: 'POST' });
        showMessage(result, `A test copy is on its way to ${sent.sentTo}.`);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        showMessage(result, error.message, { problem: true });
      }
    } }, 'Send a test to me')),
    result);
}

function scheduleSection(issue) {
  const form = el('form', { class: 'stacked', id: 'schedule-issue', 'aria-labelledby': 'schedule-title' },
    el('h2', { id: 'schedule-title' }, 'Send'),
    field('schedule-issue', 'when', 'When', { options: [['now', 'Now'], ['later', 'At a time']], value: 'now' }),
    field('schedule-issue', 'sendAt', 'Date and time', { type: 'datetime-local',
      hint: 'Only for "At a time". Until it starts, you can take it back.' }),
    el('p', {}, el('button', { type: 'submit' }, 'Schedule the issue')));
  onSubmit(form, async values => {
    const sendAt = values.when === 'later' && values.sendAt ? new Date(values.sendAt).toISOString() : null;
    await api(`${API}/${issue.id}/schedule`, { method: 'POST', body: { sendAt } });
    await issuePage(issue.id, sendAt ? `The issue is scheduled for ${formatDateTime(sendAt)}.`
      : 'The issue is sending now.');
  });
  return form;
}

function cancelSection(issue) {
  return el('section', { 'aria-labelledby': 'cancel-title' },
    el('h2', { id: 'cancel-title' }, 'Take it back'),
    el('p', {}, el('button', { type: 'button', class: 'secondary', onclick: async () => {
      await api(`${API}/${issue.id}/cancel`, { method: 'POST' });
      await issuePage(issue.id, 'The issue is a draft again: it will not be sent.');
    } }, 'Cancel the scheduled sending')));
}

const id = param('id');
if (id) issuePage(id); else list();
