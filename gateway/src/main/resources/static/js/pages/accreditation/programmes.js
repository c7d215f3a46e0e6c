// The two ILM award programmes, readable by anyone: fee, prerequisite and requirements (the Development award's are a
// first version, said so). A signed-in practitioner applies here and finds their own enrolments.
import { shell, hasRole } from '../../shell.js';
import { api, signInUrl } from '../../api.js';
import { el, formatDate } from '../../dom.js';
import { loadFailed } from '../membership/forms.js';
import { API, money, statusLabel, progressBar, showMessage } from './common.js';

const me = await shell();
const host = document.getElementById('programmes');
const messageHost = document.getElementById('message');
const practitioner = hasRole(me, 'practitioner');

async function render(message, problem) {
  let programmes;
  let enrolments = [];
  try {
    [programmes, enrolments] = await Promise.all([api(`${API}/programmes`),
      practitioner ? api(`${API}/me/enrolments`) : Promise.resolve([])]);
  } catch (error) {
    loadFailed(host, error, 'The award programmes');
    return;
  }
  showMessage(messageHost, message || problem, { problem: !!problem });
  if (practitioner) renderMine(enrolments);
  host.replaceChildren(...programmes.map(programme => programmeSection(programme, programmes, enrolments)));
}

function renderMine(enrolments) {
  document.getElementById('mine').hidden = false;
  const list = document.getElementById('enrolments');
  list.replaceChildren(enrolments.length
    ? el('ul', { class: 'cards', 'data-testid': 'my-enrolments' }, enrolments.map(e => el('li', { class: 'card' },
        el('h3', {}, el('a', { href: `/awards/award.html?id=${encodeURIComponent(e.id)}` }, e.programmeTitle)),
        el('p', {}, el('span', { class: 'tag' }, statusLabel(e.status)),
          e.eligibleFrom ? ` Eligible for assessment from ${formatDate(e.eligibleFrom)}.` : ''),
        progressBar(`mine-${e.id}`, `Progress towards the ${e.programmeTitle}`, e.progressPercent,
          `${Math.round(Number(e.progressPercent) || 0)}%`))))
    : el('p', {}, 'You have not applied for an award yet.'));
}

function requirementText(r) {
  return r.atAssessment ? `${r.label} (at assessment)` : r.label;
}

function programmeSection(programme, programmes, enrolments) {
  const titleId = `programme-${programme.code}`;
  const prerequisite = programmes.find(p => p.code === programme.prerequisiteCode);
  const open = enrolments.find(e => e.programmeCode === programme.code && !['WITHDRAWN', 'DECLINED'].includes(e.status));
  return el('section', { class: 'programme', 'aria-labelledby': titleId, 'data-programme': programme.code },
    el('h2', { id: titleId }, programme.title),
    el('p', {}, programme.description || ''),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Fee'), el('dd', { 'data-testid': `fee-${programme.code}` }, money(programme.fee)),
      el('dt', {}, 'Open to'), el('dd', {}, prerequisite ? `Holders of the ${prerequisite.title}`
        : 'Any practitioner'),
      el('dt', {}, 'Requirements'), el('dd', {}, `Version ${programme.requirementVersion}`)),
    programme.provisional ? el('p', { class: 'notice', 'data-testid': `provisional-${programme.code}` },
      el('strong', {}, 'Provisional requirements. '), programme.provisionalNote || 'These requirements are a first '
        + 'version that the programme office may replace; anyone already enrolled keeps the version they started '
        + 'with.') : null,
    el('h3', {}, 'To complete the award'),
    el('ul', { class: 'requirements' }, (programme.requirements || []).map(r => el('li', {}, requirementText(r)))),
    programme.standards?.length ? [el('h3', {}, 'Professional Standards it evidences'),
      el('ul', {}, programme.standards.map(s => el('li', {}, s.name || s.code)))] : null,
    applyAction(programme, prerequisite, open));
}

function applyAction(programme, prerequisite, open) {
  if (!me.authenticated) {
    return el('p', {}, el('a', { class: 'button', href: '/oauth2/authorization/keycloak',
      onclick: e => { e.preventDefault(); location.assign(signInUrl()); } }, 'Sign in to apply',
      el('span', { class: 'visually-hidden' }, ` for the ${programme.title}`)));
  }
  if (!practitioner) return null;
  if (open) {
    return el('p', {}, 'You applied: ', el('a', { href: `/awards/award.html?id=${encodeURIComponent(open.id)}` },
      `your ${programme.title}`), ` (${statusLabel(open.status).toLowerCase()}).`);
  }
  const button = el('button', { type: 'button' }, `Apply for the ${programme.title}`);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api(`${API}/enrolments`, { method: 'POST', body: { programmeCode: programme.code } });
      await render(`You applied for the ${programme.title}. A programme admin reviews your application; accepting `
        + `it issues the invoice for ${money(programme.fee)}.`);
    } catch (error) {
      button.disabled = false;
      await render(null, error.message);
    }
  });
  return el('p', {}, button, prerequisite ? el('span', { class: 'hint' },
    ` Needs the ${prerequisite.title}.`) : null);
}

render();
