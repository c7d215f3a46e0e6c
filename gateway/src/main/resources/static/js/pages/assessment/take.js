// Take or continue the baseline, or a review: every standard a group of six radio buttons, optional comments, focus
// standards and what to develop. The draft is saved as the practitioner goes; only a submitted one counts.
import { shell } from '../../shell.js';
import { api, ApiError } from '../../api.js';
import { el, formatDateTime } from '../../dom.js';
import { editionTitle, optional, standardText } from './shared.js';

await shell({ signInRequired: true });
const host = document.getElementById('take');
const MAX_FOCUS = 5;

const [status, scale] = await Promise.all([api('/api/assessment/me/status'), api('/api/assessment/scale')]);
// a draft, or the next review started from the last ratings; nothing to ask for before the first baseline is begun
const draft = status.draft || status.baselineDone ? await optional('/api/assessment/me/draft') : null;
const kind = draft?.kind || (status.baselineDone ? 'REVIEW' : 'BASELINE');
const editionId = draft?.edition?.id || (await api('/api/assessment/frameworks')).find(edition => edition.current).id;
const edition = await api(`/api/assessment/frameworks/${editionId}`);
const ratings = new Map((draft?.ratings || []).map(rating => [rating.standardId, rating]));
const evidenceOptions = await api('/api/assessment/me/evidence').catch(() => []);
const EVIDENCE_KIND = { OUTCOME: 'Outcome', ACTION_RESEARCH: 'Action research', CPD_ACTIVITY: 'CPD activity',
  AWARD_OBSERVATION: 'Award observation' };
const focus = new Set((draft?.focusStandards || []).map(item => item.standardId));
const noun = kind === 'BASELINE' ? 'baseline' : 'review';

document.getElementById('title').textContent = kind === 'BASELINE' ? 'Your baseline self-assessment'
  : 'Review your progress';
document.title = `${document.getElementById('title').textContent} - Exchange`;

const saveStatus = el('p', { id: 'save-status', class: 'muted', role: 'status' },
  draft?.saved ? `Draft saved ${formatDateTime(draft.updatedAt)}.`
    : draft ? 'This review starts from your last ratings: change what has moved.' : 'Nothing saved yet.');
const problems = el('div', { id: 'problems' });

const scaleList = el('dl', { class: 'facts', id: 'scale' }, scale.points.flatMap(point => [
  el('dt', {}, `${point.value}: ${point.label}`), el('dd', {}, point.meaning)]));

const stage = el('fieldset', {},
  el('legend', {}, 'Your career stage (optional)'),
  el('div', { class: 'choices' }, [{ code: '', title: 'Prefer not to say' }, ...scale.careerStages].map(option =>
    el('label', { class: 'choice' },
      el('input', { type: 'radio', name: 'careerStage', value: option.code,
        checked: (draft?.careerStage || '') === option.code }), ' ', option.title))));

function standardFieldset(standard) {
  const rating = ratings.get(standard.id);
  const id = standard.id;
  const legendId = `legend-${id}`;
  const comment = el('textarea', { id: `comment-${id}`, name: `comment-${id}`, rows: 3, maxlength: 2000 },
    rating?.comment || '');
  return el('fieldset', { class: 'standard', 'data-standard': id },
    el('legend', { id: legendId }, standardText(standard)),
    el('div', { class: 'scale-choices' }, scale.points.map(point => el('label', { class: 'choice' },
      el('input', { type: 'radio', name: `score-${id}`, value: point.value,
        checked: rating?.score === point.value }), ' ',
      el('span', {}, String(point.value), el('span', { class: 'point-label' }, ` ${point.label}`))))),
    el('div', { class: 'field checkbox' },
      el('input', { type: 'checkbox', id: `focus-${id}`, name: 'focus', value: id, checked: focus.has(id) }),
      el('label', { for: `focus-${id}` }, `Make standard ${standard.number} one of my focus standards`)),
    el('details', { open: rating?.comment || rating?.evidence?.length ? true : null },
      el('summary', {}, `Comment${evidenceOptions.length || rating?.evidence?.length ? ' and evidence' : ''} on `
        + `standard ${standard.number} (optional)`),
      el('label', { for: `comment-${id}`, class: 'visually-hidden' }, `Your comment on standard ${standard.number}`),
      comment,
      evidenceChoices(standard, rating)));
}

/** Checkboxes for what supports the rating: the practitioner's outcomes, and whatever the rating points at already. */
function evidenceChoices(standard, rating) {
  const linked = rating?.evidence || [];
  const options = [...evidenceOptions, ...linked.filter(item => !evidenceOptions.some(option => option.id === item.id))];
  if (!options.length) return null;
  const chosen = new Set(linked.map(item => `${item.kind}:${item.id}`));
  return el('fieldset', { class: 'evidence-choices' },
    el('legend', {}, `Evidence for standard ${standard.number}`),
    options.map(item => {
      const value = `${item.kind}:${item.id}`;
      const inputId = `evidence-${standard.id}-${item.id}`;
      return el('div', { class: 'field checkbox' },
        el('input', { type: 'checkbox', id: inputId, name: `evidence-${standard.id}`, value, checked: chosen.has(value) }),
        el('label', { for: inputId }, `${EVIDENCE_KIND[item.kind] || item.kind}: ${item.title || 'title not known yet'}`));
    }));
}

const areas = edition.areas.map(area => el('section', { 'aria-labelledby': `area-${area.code}` },
  el('h2', { id: `area-${area.code}` }, area.title),
  edition.standards.filter(standard => standard.area === area.code).map(standardFieldset)));

const goals = el('textarea', { id: 'developmentGoals', name: 'developmentGoals', rows: 4, maxlength: 4000 },
  draft?.developmentGoals || '');
const form = el('form', { class: 'stacked assessment', id: 'assessment-form', novalidate: true },
  el('p', { class: 'lead', 'data-testid': 'edition' }, `Against the ${editionTitle(edition)}, published by `
    + `${edition.publisher}.`),
  el('section', { 'aria-labelledby': 'scale-title' },
    el('h2', { id: 'scale-title' }, 'What the numbers mean'),
    el('p', {}, 'Rate every standard on the same scale. A "spiky profile", strong on some and starting out on '
      + 'others, is normal.'),
    scaleList),
  stage,
  areas,
  el('section', { 'aria-labelledby': 'goals-title' },
    el('h2', { id: 'goals-title' }, 'Your focus'),
    el('p', { id: 'focus-hint' }, `Tick between 1 and ${MAX_FOCUS} focus standards above: the ones you will work on.`),
    el('label', { for: 'developmentGoals' }, 'What do you want to develop, learn or improve?'),
    goals),
  problems,
  saveStatus,
  el('p', { class: 'actions' },
    el('button', { type: 'button', class: 'secondary', id: 'save' }, 'Save draft'),
    el('button', { type: 'submit', id: 'submit' }, `Submit your ${noun}`)));
host.replaceChildren(form);

function content() {
  const data = new FormData(form);
  return {
    kind,
    editionId: edition.id,
    careerStage: data.get('careerStage') || null,
    ratings: edition.standards.map(standard => ({
      standardId: standard.id,
      score: data.get(`score-${standard.id}`) ? Number(data.get(`score-${standard.id}`)) : null,
      comment: (data.get(`comment-${standard.id}`) || '').trim() || null,
      evidence: data.getAll(`evidence-${standard.id}`).map(value => {
        const [evidenceKind, evidenceId] = value.split(':');
        return { kind: evidenceKind, id: evidenceId };
      })
    })).filter(rating => rating.score !== null || rating.comment !== null || rating.evidence.length),
    focusStandards: data.getAll('focus'),
    developmentGoals: (data.get('developmentGoals') || '').trim() || null
  };
}

function showProblem(message) {
  problems.replaceChildren(el('div', { class: 'error-summary', role: 'alert', tabindex: '-1' },
    el('h2', {}, 'There is a problem'), el('p', {}, message)));
  problems.firstChild.focus();
}

let saving = Promise.resolve();
let timer = null;

/** Saves the draft as it now is; saves queue one behind another so that the last one wins. */
function save() {
  clearTimeout(timer);
  saving = saving.then(async () => {
    const saved = await api('/api/assessment/me/draft', { method: 'PUT', body: content() });
    saveStatus.textContent = `Draft saved ${formatDateTime(saved.updatedAt)}.`;
    return true;
  }).catch(error => {
    saveStatus.textContent = 'Your draft could not be saved just now.';
    if (error instanceof ApiError) showProblem(error.message);
    return false;
  });
  return saving;
}

form.addEventListener('change', event => {
  if (event.target.name === 'focus' && event.target.checked
      && form.querySelectorAll('input[name="focus"]:checked').length > MAX_FOCUS) {
    event.target.checked = false;
    showProblem(`You can pick up to ${MAX_FOCUS} focus standards. Untick one to choose another.`);
    event.target.focus();
    return;
  }
  clearTimeout(timer);
  timer = setTimeout(save, event.target.tagName === 'TEXTAREA' ? 0 : 400);
});

document.getElementById('save').addEventListener('click', () => save());

form.addEventListener('submit', async event => {
  event.preventDefault();
  problems.replaceChildren();
  const unrated = edition.standards.filter(standard => !form.querySelector(`input[name="score-${standard.id}"]:checked`));
  if (unrated.length) {
    showProblem(`Rate every standard before submitting. Not yet rated: ${unrated.map(s => s.number).join(', ')}.`);
    return;
  }
  if (!form.querySelector('input[name="focus"]:checked')) {
    showProblem(`Tick at least one focus standard (up to ${MAX_FOCUS}) before submitting.`);
    return;
  }
  const button = document.getElementById('submit');
  button.disabled = true;
  try {
    if (!await save()) {
      button.disabled = false;
      return;
    }
    await api('/api/assessment/me/draft/submit', { method: 'POST' });
    const notice = el('div', { class: 'notice success', role: 'status', tabindex: '-1' },
      el('p', {}, `Your ${noun} is submitted.`),
      el('p', {}, el('a', { href: '/assessment/progress.html' }, 'See your progress')));
    host.replaceChildren(notice);
    notice.focus();
  } catch (error) {
    button.disabled = false;
    showProblem(error instanceof ApiError ? error.message : 'Your assessment could not be submitted just now.');
  }
});
