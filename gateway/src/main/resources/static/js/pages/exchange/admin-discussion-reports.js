// Reported posts (programme admins): the reports of discussion posts nobody has acted on yet, oldest first, with the
// group, network or Learning Exchange whose discussion the post is in and the reporter's reason. A programme admin moderates every
// discussion: the post's link opens its thread, where they hide it with a reason (which resolves its reports).
import { shell } from '../../shell.js';
import { api } from '../../api.js';
import { el, formatDateTime } from '../../dom.js';
import { failed, table, networkList, fill } from './common.js';

await shell({ signInRequired: true });
const host = document.getElementById('page');
let reports;
try {
  reports = await api('/api/exchange/discussion-reports?limit=500');
} catch (error) {
  failed(host, error, 'The reports');
  reports = null;
}
if (reports) {
  const networks = new Map((await networkList()).map(network => [network.id, network.name]));
  const groupIds = [...new Set(reports.map(report => report.groupId).filter(Boolean))];
  const groups = new Map(await Promise.all(groupIds.map(id => api(`/api/exchange/groups/${id}`)
    .then(group => [id, group.name]).catch(() => [id, 'A group']))));
  const where = report => report.spaceKind === 'LEARNING_EXCHANGE' ? 'The Learning Exchange'
    : report.groupId ? `The group ${groups.get(report.groupId)}`
    : `The network ${networks.get(report.networkId) || ''}`.trim();
  fill(host,
    el('p', { class: 'lead' }, 'Posts that members reported and nobody has acted on yet, oldest first. Open a post '
      + 'to read it in its thread; hiding it there, with a reason, resolves its reports.'),
    reports.length
      ? table('Reports nobody has acted on yet', ['Reported', 'Discussion', 'Reason', 'Post'],
          reports.map(report => [formatDateTime(report.reportedAt), where(report), report.reason,
            el('a', { href: `/groups/thread.html?id=${report.threadId}#post-${report.postId}` }, 'Open the post',
              el('span', { class: 'visually-hidden' }, ` reported ${formatDateTime(report.reportedAt)}`))]))
      : el('p', { 'data-testid': 'no-reports' }, 'No report is waiting.'));
}
