// One enrolment in an ILM award: where it stands, the checklist with progress bars and what is missing, and the
// portfolio (hours by category with evidence, the development plan, reflections, the CPD commitment, workshops from
// exchange, observations, the panel). The candidate writes; their coach, observers, panel and programme admins read.
// Once ILM confirms the award the candidate downloads the PDF certificate and the Open Badges credential.
import { shell } from '../../shell.js';
import { api, ApiError } from '../../api.js';
import { el, formatDate, formatDateTime } from '../../dom.js';
import { field, onSubmit, loadFailed, clearErrors, confirmInline, today, hours } from '../membership/forms.js';
import { param, fill } from '../exchange/common.js';
import { API, table, STATUS, OPEN, CATEGORIES, categoryLabel, checklist, overall, panel, facts, showMessage,
  observationList } from './common.js';

const me = await shell({ signInRequired: true });
const id = param('id');
const host = document.getElementById('award');
const messageHost = document.getElementById('message');
const base = `${API}/enrolments/${encodeURIComponent(id || '')}`;

/** What the upload accepts: the same limits accreditation-service enforces. */
const EVIDENCE_TYPES = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)', 'text/plain': 'plain text' };
const EVIDENCE_EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg', '.docx', '.txt'];
const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** A part of the portfolio that could not be loaded shows why, and the rest of the page still works. */
const optional = (path, fallback) => api(path).then(value => ({ value }), error => ({ value: fallback, error }));

async function render(message) {
  if (!id) {
    host.replaceChildren(el('p', { class: 'notice' }, 'Choose an award from ', el('a', { href: '/awards/' },
      'your awards'), '.'));
    return;
  }
  let enrolment;
  try {
    enrolment = await api(base);
  } catch (error) {
    loadFailed(host, error, 'This enrolment');
    return;
  }
  const [hoursLog, plan, reflections, workshops, observations, commitment] = await Promise.all([
    optional(`${base}/hours`, []), optional(`${base}/development-plan`, { goals: [] }),
    optional(`${base}/reflections`, []), optional(`${base}/workshops`, []), optional(`${base}/observations`, []),
    optional(`${base}/cpd-commitment`, null)]);
  const candidate = !enrolment.candidate || enrolment.candidate.id === me.subject;
  const writable = candidate && OPEN.includes(enrolment.status);
  document.getElementById('title').textContent = enrolment.programmeTitle || 'My award';
  document.title = `${enrolment.programmeTitle || 'My award'} - Exchange`;

  fill(host,
    el('section', { 'aria-labelledby': 'status-title' },
      el('h2', { id: 'status-title' }, 'Where you are'),
      el('p', {}, STATUS[enrolment.status]?.next || ''),
      facts(enrolment),
      candidate && enrolment.fee && !enrolment.fee.paidOn ? el('p', {}, 'How to pay the invoice for the fee: see ',
        el('a', { href: '/membership/' }, 'your invoices'), '.') : null,
      writable ? withdrawal(enrolment) : null),
    enrolment.status === 'AWARDED' ? downloads(enrolment) : null,
    el('section', { 'aria-labelledby': 'progress-title' },
      el('h2', { id: 'progress-title' }, 'Progress'),
      overall(enrolment),
      checklist(enrolment)),
    hoursSection(hoursLog, writable),
    planSection(plan, writable),
    reflectionsSection(reflections, writable),
    commitmentSection(commitment.value, writable),
    workshopsSection(workshops),
    observationsSection(observations, workshops.value),
    el('section', { 'aria-labelledby': 'panel-title' },
      el('h2', { id: 'panel-title' }, 'Panel and recommendations'),
      el('p', {}, 'You present your learning journey to two assessors, one from the academy and one from your own '
        + 'organisation; both recommend you before ILM confirms the award.'),
      panel(enrolment)));
  showMessage(messageHost, message);
}

function unavailable(part, what) {
  return part.error ? el('p', { class: 'notice error', role: 'alert' }, `${what} is not available just now.`) : null;
}

/** The public status page of the award's credential: its id is the public status address, ending in the id. */
function statusLink(host) {
  api(`${base}/credential.json`).then(credential => {
    const credentialId = String(credential.id || '').split('/').pop();
    if (credentialId) {
      host.append(el('a', { href: `/credentials/verify.html?id=${encodeURIComponent(credentialId)}` },
        'Check your credential\'s status'));
    }
  }, () => host.remove());
  return host;
}

function downloads(enrolment) {
  return el('section', { 'aria-labelledby': 'downloads-title', class: 'card' },
    el('h2', { id: 'downloads-title' }, 'Your certificate and credential'),
    el('p', {}, `ILM confirmed your award on ${formatDate(enrolment.awardedOn)}. Your credential is an Open Badges 3.0 `
      + 'credential signed by the platform: anyone can check it with standard tools.'),
    el('ul', { class: 'inline' },
      el('li', {}, el('a', { class: 'button', href: `${base}/certificate.pdf`, download: '' },
        'Download your certificate (PDF)')),
      el('li', {}, el('a', { class: 'button secondary', href: `${base}/credential`, download: '' },
        'Download your credential')),
      statusLink(el('li', {}))));
}

function withdrawal(enrolment) {
  const ask = el('button', { type: 'button', class: 'secondary' }, 'Withdraw from this award…');
  const actions = el('p', { class: 'actions' }, ask);
  ask.addEventListener('click', () => confirmInline(actions, {
    question: `Withdraw from the ${enrolment.programmeTitle}?`, yes: 'Yes, withdraw', no: 'Stay enrolled',
    askedBy: ask, what: 'Withdrawing',
    onYes: async () => {
      await api(`${base}/withdraw`, { method: 'POST', body: { reason: 'Withdrawn by the candidate' } });
      await render('You withdrew from this award.');
    }
  }));
  return actions;
}

function hoursSection(part, writable) {
  const entries = part.value || [];
  const totals = Object.keys(CATEGORIES).map(category => [category,
    entries.filter(e => e.category === category).reduce((sum, e) => sum + Number(e.hours), 0)]);
  const rows = entries.map(e => [formatDate(e.occurredOn), categoryLabel(e.category), hours(e.hours),
    e.description || '', evidenceLinks(e), writable ? removeEntry(e) : null].filter(cell => cell !== null));
  return el('section', { 'aria-labelledby': 'hours-title' },
    el('h2', { id: 'hours-title' }, 'Hours'),
    unavailable(part, 'Your hours log'),
    el('ul', { 'data-testid': 'hours-by-category' }, totals.map(([category, sum]) =>
      el('li', {}, `${categoryLabel(category)}: ${hours(sum)} hours`))),
    entries.length ? table('Hours logged', ['Date', 'Category', 'Hours', 'What you did', 'Evidence',
      writable ? 'Remove' : null].filter(Boolean), rows) : el('p', {}, 'No hours logged yet.'),
    writable ? hoursForm() : null,
    writable && entries.length ? evidenceForm(entries) : null);
}

function evidenceLinks(entry) {
  const files = entry.evidence || [];
  if (!files.length) return 'None';
  return el('ul', { class: 'plain' }, files.map(file => el('li', {}, el('a', {
    href: `${base}/hours/${encodeURIComponent(entry.id)}/evidence/${encodeURIComponent(file.id)}`, download: '' },
  file.fileName || 'Evidence'))));
}

function removeEntry(entry) {
  const button = el('button', { type: 'button', class: 'secondary' }, 'Remove',
    el('span', { class: 'visually-hidden' }, ` ${hours(entry.hours)} hours on ${formatDate(entry.occurredOn)}`));
  const actions = el('p', { class: 'actions' }, button);
  button.addEventListener('click', () => confirmInline(actions, {
    question: 'Remove these hours?', yes: 'Yes, remove', no: 'Keep them', askedBy: button, what: 'Removing the hours',
    onYes: async () => {
      await api(`${base}/hours/${encodeURIComponent(entry.id)}`, { method: 'DELETE' });
      await render(`Removed ${hours(entry.hours)} hours of ${categoryLabel(entry.category).toLowerCase()}.`);
    }
  }));
  return actions;
}

function hoursForm() {
  const form = el('form', { class: 'stacked', id: 'hours-form', 'aria-labelledby': 'log-hours-title' },
    el('h3', { id: 'log-hours-title' }, 'Log hours'),
    field('hours', 'category', 'Category', { required: true, value: 'OBSERVED_PRACTICE',
      options: Object.entries(CATEGORIES) }),
    field('hours', 'hours', 'Hours', { type: 'number', required: true,
      hint: 'More than 0 and at most 24 in one entry, in quarter hours: for example 1.5',
      attributes: { min: 0.25, max: 24, step: 0.25, inputmode: 'decimal' } }),
    field('hours', 'occurredOn', 'Date', { type: 'date', required: true, value: today(), attributes: { max: today() } }),
    field('hours', 'description', 'What you did', { type: 'textarea', rows: 3, attributes: { maxlength: 2000 } }),
    el('p', {}, el('button', { type: 'submit' }, 'Log hours')));
  onSubmit(form, async values => {
    await api(`${base}/hours`, { method: 'POST', body: { category: values.category, hours: Number(values.hours),
      occurredOn: values.occurredOn, description: values.description || null } });
    form.reset();
    clearErrors(form);
    await render(`Logged ${hours(values.hours)} hours of ${categoryLabel(values.category).toLowerCase()}.`);
  });
  return form;
}

function evidenceForm(entries) {
  const limits = `${Object.values(EVIDENCE_TYPES).join(', ')}; at most 5 MB.`;
  const form = el('form', { class: 'stacked', id: 'evidence-form', 'aria-labelledby': 'evidence-title' },
    el('h3', { id: 'evidence-title' }, 'Add evidence to logged hours'),
    field('evidence', 'entryId', 'Hours the evidence is for', { required: true,
      options: entries.map(e => [e.id, `${formatDate(e.occurredOn)}: ${hours(e.hours)} hours of `
        + `${categoryLabel(e.category).toLowerCase()}`]) }),
    field('evidence', 'file', 'File', { type: 'file', required: true, hint: `Accepted: ${limits}`,
      attributes: { accept: [...EVIDENCE_EXTENSIONS, ...Object.keys(EVIDENCE_TYPES)].join(',') } }),
    el('p', {}, el('button', { type: 'submit' }, 'Upload evidence')));
  onSubmit(form, async values => {
    const file = form.elements.namedItem('file').files[0];
    const extension = file.name.toLowerCase().slice(file.name.lastIndexOf('.'));
    if (file.size > EVIDENCE_MAX_BYTES || !EVIDENCE_EXTENSIONS.includes(extension)) {
      throw new ApiError(400, { errors: [{ field: 'file', message: file.size > EVIDENCE_MAX_BYTES
        ? `${file.name} is larger than 5 MB` : `${file.name} is not one of: ${limits}` }] });
    }
    const body = new FormData();
    body.append('file', file);
    await api(`${base}/hours/${encodeURIComponent(values.entryId)}/evidence`, { method: 'POST', body });
    await render(`Uploaded ${file.name} as evidence.`);
  });
  return form;
}

function planSection(part, writable) {
  const goals = part.value?.goals || [];
  return el('section', { 'aria-labelledby': 'plan-title' },
    el('h2', { id: 'plan-title' }, 'Personal development plan'),
    el('p', {}, 'Your learning goals, what you will do towards each and when you will review it.'),
    unavailable(part, 'Your development plan'),
    writable ? planForm(goals) : goals.length
      ? el('ol', { 'data-testid': 'goals' }, goals.map(g => el('li', {}, el('strong', {}, g.goal),
        g.actions ? el('p', { class: 'evidence' }, g.actions) : null,
        g.reviewOn ? el('p', { class: 'muted' }, `Review on ${formatDate(g.reviewOn)}`) : null)))
      : el('p', {}, 'No goals yet.'));
}

function planForm(goals) {
  const list = el('div', {});
  const form = el('form', { class: 'stacked', id: 'plan-form', 'aria-label': 'Your development plan' }, list);
  let next = 0;
  const addGoal = (goal = {}) => {
    const n = next++;
    const prefix = `plan-${n}`;
    const remove = el('button', { type: 'button', class: 'secondary' }, 'Remove this goal',
      el('span', { class: 'visually-hidden' }, ` (goal ${n + 1})`));
    const set = el('fieldset', { class: 'goal', 'data-goal': n },
      el('legend', {}, `Goal ${list.children.length + 1}`),
      field(prefix, 'goal', 'What you want to learn or improve', { type: 'textarea', rows: 2, required: true,
        value: goal.goal, attributes: { maxlength: 1000 } }),
      field(prefix, 'actions', 'How you will work towards it', { type: 'textarea', rows: 3, value: goal.actions,
        attributes: { maxlength: 4000 } }),
      field(prefix, 'reviewOn', 'Review on', { type: 'date', value: goal.reviewOn }),
      el('p', {}, remove));
    remove.addEventListener('click', () => {
      set.remove();
      [...list.querySelectorAll('legend')].forEach((legend, index) => { legend.textContent = `Goal ${index + 1}`; });
      form.querySelector('#add-goal').focus();
    });
    list.append(set);
    return set;
  };
  (goals.length ? goals : [{}]).forEach(addGoal);
  const add = el('button', { type: 'button', class: 'secondary', id: 'add-goal' }, 'Add another goal');
  add.addEventListener('click', () => addGoal().querySelector('textarea').focus());
  form.append(el('p', { class: 'actions' }, add, el('button', { type: 'submit' }, 'Save the plan')));
  onSubmit(form, async () => {
    const body = { goals: [...list.querySelectorAll('fieldset.goal')].map(set => {
      const value = name => set.querySelector(`[name="${name}"]`).value.trim();
      return { goal: value('goal'), actions: value('actions') || null, reviewOn: value('reviewOn') || null };
    }) };
    await api(`${base}/development-plan`, { method: 'PUT', body });
    await render(`Your development plan is saved with ${body.goals.length} ${body.goals.length === 1 ? 'goal' : 'goals'}.`);
  });
  return form;
}

function reflectionsSection(part, writable) {
  const reflections = part.value || [];
  const form = writable ? el('form', { class: 'stacked', id: 'reflection-form', 'aria-labelledby': 'reflect-title' },
    el('h3', { id: 'reflect-title' }, 'Write a reflection'),
    field('reflection', 'title', 'Title', { required: true, attributes: { maxlength: 200 } }),
    field('reflection', 'text', 'Your reflection', { type: 'textarea', rows: 6, required: true,
      hint: 'What happened, what you noticed about your practice, and what you will do differently.',
      attributes: { maxlength: 20000 } }),
    el('p', {}, el('button', { type: 'submit' }, 'Add the reflection'))) : null;
  if (form) {
    onSubmit(form, async values => {
      await api(`${base}/reflections`, { method: 'POST', body: { title: values.title, text: values.text } });
      await render(`Added your reflection “${values.title}”.`);
    });
  }
  return el('section', { 'aria-labelledby': 'reflections-title' },
    el('h2', { id: 'reflections-title' }, 'Reflections'),
    unavailable(part, 'Your reflections'),
    reflections.length ? el('ul', { class: 'stack', 'data-testid': 'reflections' }, reflections.map(r =>
      el('li', { class: 'card' }, el('h3', {}, r.title),
        r.writtenAt ? el('p', { class: 'muted' }, formatDateTime(r.writtenAt)) : null,
        el('p', { class: 'reflection' }, r.text)))) : el('p', {}, 'No reflections yet.'),
    form);
}

function commitmentSection(commitment, writable) {
  const statement = commitment?.statement || '';
  const section = el('section', { 'aria-labelledby': 'cpd-title' },
    el('h2', { id: 'cpd-title' }, 'Commitment to continuing professional development'),
    el('p', {}, 'How you will keep developing your practice once you hold the award, in the Learning Exchange and '
      + 'beyond.'));
  if (!writable) {
    section.append(el('p', { class: 'evidence', 'data-testid': 'cpd-commitment' },
      statement || 'No commitment written yet.'));
    return section;
  }
  const form = el('form', { class: 'stacked', id: 'cpd-form', 'aria-labelledby': 'cpd-title' },
    field('cpd', 'statement', 'Your commitment', { type: 'textarea', rows: 4, required: true,
      value: statement, attributes: { maxlength: 4000 } }),
    el('p', {}, el('button', { type: 'submit' }, 'Save your commitment')));
  onSubmit(form, async values => {
    await api(`${base}/cpd-commitment`, { method: 'PUT', body: { statement: values.statement } });
    await render('Your commitment to CPD is saved.');
  });
  section.append(form);
  return section;
}

const ROLE = { FACILITATOR: 'Facilitator', LEAD_FACILITATOR: 'Lead facilitator' };

function workshopsSection(part) {
  const workshops = part.value || [];
  return el('section', { 'aria-labelledby': 'workshops-title' },
    el('h2', { id: 'workshops-title' }, 'Workshops you facilitated'),
    el('p', {}, 'Group meetings where the facilitator recorded you as facilitator or lead facilitator appear here by '
      + 'themselves, with any later corrections.'),
    unavailable(part, 'Your workshops'),
    workshops.length ? table('Workshops facilitated', ['Workshop', 'When', 'Role', 'Minutes', 'Observed'],
      workshops.map(w => [w.title, formatDateTime(w.startsAt), ROLE[w.role] || w.role, String(w.minutes ?? ''),
        w.observed ? 'Yes' : 'No']))
      : el('p', {}, 'No workshop is recorded yet.'));
}

function observationsSection(part, workshops) {
  const observations = part.value || [];
  return el('section', { 'aria-labelledby': 'observations-title' },
    el('h2', { id: 'observations-title' }, 'Observations'),
    el('p', {}, 'A peer assessor observes workshops you lead and records what they saw and their feedback.'),
    unavailable(part, 'The observations'),
    observationList(observations, workshops));
}

render();
