// The practitioner's journey on the dashboard: join, self-assess, work in groups, earn the award, keep up membership.
// One card per stage, built only from what the services already answer for the signed-in person, each with one action;
// the first stage not yet done is their next step. A stage whose service does not answer says so and is passed over.
import { api } from '../api.js';
import { el, formatDate, formatDateTime } from '../dom.js';

/** A stage: done says the person need do nothing there now; fact is what they see; action is { href, label }. */
const step = (done, fact, action) => ({ done, fact, action });

async function join() {
  const profile = await api('/api/membership/me');
  return profile.profileComplete
    ? step(true, `You joined on ${formatDate(profile.registeredAt)} and your profile is complete.`,
      { href: '/membership/profile.html', label: 'Your profile' })
    : step(false, 'Tell the programme your role, region and specialisms, so groups and events can find you.',
      { href: '/membership/profile.html', label: 'Complete your profile' });
}

async function selfAssess() {
  const status = await api('/api/assessment/me/status');
  const due = status.due || [];
  if (status.draft) {
    return step(false, `You have a ${status.draft.kind === 'BASELINE' ? 'baseline' : 'review'} in progress.`,
      { href: '/assessment/take.html', label: status.draft.kind === 'BASELINE' ? 'Continue your baseline'
        : 'Continue your review' });
  }
  if (!status.baselineDone) {
    return step(false, 'Rate yourself against the 20 Professional Standards to see where you start.',
      { href: '/assessment/take.html', label: 'Take your baseline self-assessment' });
  }
  if (due.length) {
    const groups = due.map(item => item.groupName).filter(Boolean);
    return step(false, `A review is due${groups.length ? ` for ${groups.join(', ')}` : ''}.`,
      { href: '/assessment/take.html', label: 'Review your self-assessment' });
  }
  return step(true, `Baseline done, ${status.reviews} review${status.reviews === 1 ? '' : 's'} since; last on `
    + `${formatDate(status.lastSubmittedAt)}.`, { href: '/assessment/progress.html', label: 'See your progress' });
}

async function workInGroups() {
  const [groups, registrations] = await Promise.all([api('/api/exchange/me/groups'),
    api('/api/exchange/me/registrations')]);
  const inGroups = groups.filter(group => group.facilitates || group.place === 'CONFIRMED');
  const waiting = groups.filter(group => !group.facilitates && group.place === 'WAITLISTED');
  if (!inGroups.length) {
    return step(false, waiting.length
      ? `You are on the waitlist of ${waiting[0].name} (position ${waiting[0].waitlistPosition}).`
      : 'Groups of practitioners meet at least four times to try out ideas in their own teaching.',
    { href: '/groups/', label: 'Find a group to join' });
  }
  const registered = new Set(registrations.map(({ meeting }) => meeting.id));
  // the next meeting of each of their groups, soonest first
  const next = (await Promise.all(inGroups.map(group => api(`/api/exchange/meetings?groupId=${group.id}&limit=1`)
    .then(meetings => meetings[0] && { group, meeting: meetings[0] }))))
    .filter(Boolean).sort((a, b) => new Date(a.meeting.startsAt) - new Date(b.meeting.startsAt));
  const names = inGroups.length === 1 ? inGroups[0].name : `${inGroups.length} groups`;
  const unregistered = next.find(({ meeting }) => !registered.has(meeting.id));
  if (unregistered) {
    const { group, meeting } = unregistered;
    return step(false, `You are in ${names}. Next: ${meeting.title}, ${formatDateTime(meeting.startsAt)}.`,
      { href: `/groups/group.html?id=${group.id}#meeting-${meeting.id}`, label: 'Register for the next meeting' });
  }
  if (next.length) {
    const { group, meeting } = next[0];
    return step(true, `You are in ${names}. You are registered for ${meeting.title}, `
      + `${formatDateTime(meeting.startsAt)}.`, { href: `/groups/group.html?id=${group.id}`, label: 'Your group' });
  }
  return step(true, `You are in ${names}; no meeting is scheduled yet.`,
    { href: `/groups/group.html?id=${inGroups[0].id}`, label: 'Your group' });
}

async function earnTheAward() {
  const enrolments = await api('/api/accreditation/me/enrolments');
  const current = enrolments.filter(e => !['WITHDRAWN', 'DECLINED'].includes(e.status));
  const awarded = current.filter(e => e.status === 'AWARDED');
  const working = current.find(e => e.status !== 'AWARDED');
  if (working) {
    return step(true, `${working.programmeTitle}: ${Math.round(Number(working.progressPercent) || 0)}% of the `
      + 'requirements met.', { href: `/awards/award.html?id=${encodeURIComponent(working.id)}`,
      label: 'Continue your award' });
  }
  if (awarded.length) {
    return step(true, `You hold the ${awarded.map(e => e.programmeTitle).join(' and the ')}.`,
      { href: `/awards/award.html?id=${encodeURIComponent(awarded[0].id)}`, label: 'Your certificate' });
  }
  return step(false, 'The ILM awards in Practitioner-Led Learning Exchange recognise the groups you run and join.',
    { href: '/awards/', label: 'Find out about the awards' });
}

async function keepUpMembership() {
  const membership = await api('/api/membership/me/membership'); // null before applying
  const until = membership?.expiresOn ? ` until ${formatDate(membership.expiresOn)}` : '';
  const mine = { href: '/membership/', label: 'Your membership' };
  switch (membership?.status) {
    case undefined:
      return step(false, 'The Learning Exchange membership keeps you in the community of practice.',
        { href: '/membership/', label: 'Apply for membership' });
    case 'APPLIED': case 'RENEWAL_SUBMITTED':
      return step(true, 'A programme admin is reviewing your application.', mine);
    case 'AWAITING_PAYMENT': case 'RENEWAL_PAYMENT':
      return step(false, 'Your invoice is waiting for payment.', { href: '/membership/', label: 'Pay your invoice' });
    case 'RENEWAL_DUE':
      return step(false, `Your membership is due for renewal; it runs${until}.`,
        { href: '/membership/', label: 'Renew your membership' });
    case 'LAPSED':
      return step(false, 'Your membership has lapsed.', { href: '/membership/', label: 'Renew your membership' });
    case 'REJECTED':
      return step(false, 'Your application was not approved.', { href: '/membership/', label: 'See why' });
    default: {
      const shortfalls = membership.renewalEvidence?.shortfalls || [];
      return shortfalls.length
        ? step(true, `Active${until}. For renewal: ${shortfalls.join('; ')}.`,
          { href: '/membership/cpd.html', label: 'Log your CPD' })
        : step(true, `Active${until}.`, mine);
    }
  }
}

const STAGES = [
  { title: 'Join', read: join },
  { title: 'Self-assess', read: selfAssess },
  { title: 'Work in groups', read: workInGroups },
  { title: 'Earn the award', read: earnTheAward },
  { title: 'Keep up membership', read: keepUpMembership }
];

/** The journey: a sentence naming the next step, then the stages in order, the next one marked (nodes to show). */
export async function journey() {
  const read = await Promise.allSettled(STAGES.map(stage => stage.read()));
  const nextIndex = read.findIndex(result => result.status === 'fulfilled' && !result.value.done);
  const next = nextIndex >= 0 ? read[nextIndex].value : null;
  const stages = el('ol', { class: 'cards journey-stages' }, STAGES.map((stage, i) => {
    const result = read[i];
    const isNext = i === nextIndex;
    const body = result.status === 'fulfilled'
      ? [el('p', {}, result.value.fact), el('p', {}, el('a', { href: result.value.action.href,
        class: isNext ? 'button' : null }, result.value.action.label))]
      : [el('p', {}, 'Not available just now.')];
    return el('li', { class: `card journey-stage${isNext ? ' next' : ''}`, 'aria-current': isNext ? 'step' : null,
      'data-testid': `journey-${stage.title.toLowerCase().replaceAll(' ', '-')}` },
    el('h3', {}, `${i + 1}. ${stage.title}`, isNext ? [' ', el('span', { class: 'tag' }, 'Next step')] : null),
    body);
  }));
  return [
    el('p', { 'data-testid': 'next-step' }, next ? ['Your next step: ', el('strong', {}, next.action.label), '.']
      : 'You are up to date. Well done.'),
    stages];
}
