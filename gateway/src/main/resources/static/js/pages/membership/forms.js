// Accessible forms for the membership pages: every control has a label, hints and errors are tied to it with
// aria-describedby, a failed submission marks the controls aria-invalid and moves focus to an error summary whose
// links lead to the controls. The browser's own validation bubbles are off (novalidate): the same summary shows them.
import { el, replaceStatus } from '../../dom.js';
import { api, ApiError } from '../../api.js';

/**
 * A labelled control in a wrapper.
 * @param prefix makes the id unique on the page, such as the form's id
 * @param name the control's name, the same as the API's field so that its field errors find the control
 * @param options for a select: [[value, label], ...]
 */
export function field(prefix, name, label, { type = 'text', hint, required = false, value, options, rows = 4,
  attributes = {} } = {}) {
  const id = `${prefix}-${name}`;
  const hintId = hint ? `${id}-hint` : null;
  let control;
  if (options) {
    control = el('select', { id, name, required, ...attributes },
      options.map(([optionValue, optionLabel]) => el('option', { value: optionValue,
        selected: String(optionValue) === String(value ?? '') }, optionLabel)));
  } else if (type === 'textarea') {
    control = el('textarea', { id, name, rows, required, ...attributes }, value ?? '');
  } else if (type === 'checkbox') {
    control = el('input', { type, id, name, checked: !!value, ...attributes });
  } else {
    control = el('input', { type, id, name, value: value ?? '', required, ...attributes });
  }
  if (hintId) control.setAttribute('aria-describedby', hintId);
  control.dataset.label = label;
  const hintNode = hint ? el('span', { class: 'hint', id: hintId }, hint) : null;
  if (type === 'checkbox') {
    return el('div', { class: 'field checkbox' }, control, el('label', { for: id }, label), hintNode);
  }
  return el('div', { class: 'field' },
    el('label', { for: id }, label, required ? null : el('span', { class: 'optional' }, ' (optional)')),
    hintNode, control);
}

/** Values of a form's named controls: checkboxes as booleans, everything else as trimmed text. */
export function values(form) {
  const result = {};
  for (const control of form.elements) {
    if (!control.name) continue;
    result[control.name] = control.type === 'checkbox' ? control.checked : control.value.trim();
  }
  return result;
}

export function clearErrors(form) {
  form.querySelector('.error-summary')?.remove();
  for (const error of form.querySelectorAll('.field-error')) error.remove();
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    const describedBy = (control.getAttribute('aria-describedby') || '').split(' ')
      .filter(id => id && id !== `${control.id}-error`);
    if (describedBy.length) control.setAttribute('aria-describedby', describedBy.join(' '));
    else control.removeAttribute('aria-describedby');
  }
}

/**
 * Shows errors on a form and moves focus to their summary.
 * @param errors { controlName: message }
 * @param general a message that belongs to no control
 */
export function showErrors(form, errors, general) {
  clearErrors(form);
  const items = [];
  if (general) items.push(el('li', {}, general));
  for (const [name, message] of Object.entries(errors)) {
    const control = form.elements.namedItem(name);
    if (!control || !control.id) {
      items.push(el('li', {}, message));
      continue;
    }
    const label = control.dataset.label || name;
    const text = message.startsWith(label) ? message : `${label}: ${message}`;
    const errorId = `${control.id}-error`;
    const error = el('span', { class: 'field-error', id: errorId }, text);
    control.before(error);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby',
      [...(control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean), errorId].join(' '));
    items.push(el('li', {}, el('a', { href: `#${control.id}`, onclick: e => { e.preventDefault(); control.focus(); } },
      text)));
  }
  const titleId = `${form.id || 'form'}-error-title`;
  const summary = el('div', { class: 'error-summary', tabindex: '-1', role: 'alert', 'aria-labelledby': titleId },
    el('h2', { id: titleId }, 'There is a problem'), el('ul', {}, items));
  form.prepend(replaceStatus(summary));
  summary.focus();
}

/** What the browser knows is wrong before anything is sent: missing, malformed or out-of-range values. */
function localErrors(form) {
  const errors = {};
  for (const control of form.elements) {
    if (!control.name || control.type === 'checkbox' || control.checkValidity()) continue;
    const label = control.dataset.label || control.name;
    errors[control.name] = control.validity.valueMissing ? `Enter ${label.toLowerCase()}`
      : `${label}: ${control.validationMessage}`;
  }
  return errors;
}

/**
 * Submits a form through handler(values) with errors shown accessibly: the browser's checks first, then the API's
 * problem details (field errors on their controls, anything else in the summary).
 */
export function onSubmit(form, handler) {
  form.noValidate = true;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const local = localErrors(form);
    if (Object.keys(local).length) {
      showErrors(form, local);
      return;
    }
    const button = event.submitter || form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      await handler(values(form), event.submitter);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fieldErrors = error.fieldErrors;
      showErrors(form, fieldErrors, Object.keys(fieldErrors).length ? null : error.message);
    } finally {
      if (button && button.isConnected) button.disabled = false;
    }
  });
}

/** What the page says when an edit met someone else's change (412): nothing was saved, the page shows theirs. */
export const CHANGED_MEANWHILE = 'Someone else changed this while you were editing it, so your change was not saved. '
  + 'The page has been reloaded with the current version: check it, then make your change again if it is still needed.';

/**
 * Saves an edit of something other people may edit too (an MoU, a venue, contacts, a CPD activity) at the version
 * the page loaded, sent as If-Match. When someone else changed it meanwhile the API answers 412: the page reloads
 * through reload(CHANGED_MEANWHILE) instead of overwriting their change. Returns whether the edit was saved.
 */
export async function saveVersioned(path, { method = 'PUT', body, version }, reload) {
  try {
    await api(path, { method, body, headers: { 'If-Match': `"${version}"` } });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 412) {
      await reload(CHANGED_MEANWHILE);
      return false;
    }
    throw error;
  }
}

/** A message that stays on the page and takes focus: a success (role status) or a warning (role alert). */
export function notice(message, { warning = false } = {}) {
  return replaceStatus(el('p', { class: `notice ${warning ? 'error' : 'success'}`, role: warning ? 'alert' : 'status',
    tabindex: '-1', 'data-testid': warning ? 'conflict' : null }, message));
}

/** A success message that stays on the page; it takes focus, so that screen readers read it out. */
export function success(host, message) {
  const notice = replaceStatus(el('p', { class: 'notice success', role: 'status', tabindex: '-1' }, message));
  host.replaceChildren(notice);
  notice.focus();
  return notice;
}

/**
 * A table of rows of cells in a region that scrolls on its own at phone width (keyboard-focusable, named by its
 * caption, which only screen readers see). A wide table keeps a readable minimum width and scrolls sooner.
 */
export function table(id, caption, headers, rows, { wide = false } = {}) {
  return el('div', { class: wide ? 'table-wrap wide' : 'table-wrap', tabindex: '0', role: 'region',
    'aria-labelledby': `${id}-caption` },
  el('table', { id },
    el('caption', { id: `${id}-caption`, class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, headers.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map(c => el('td', {}, c)))))));
}

/** A failure to load something, shown where it would have been. */
export function loadFailed(host, error, what) {
  host.replaceChildren(el('p', { class: 'notice error', role: 'alert' },
    error instanceof ApiError ? `${what}: ${error.message}` : `${what} is not available just now.`));
}

/** Hours as people write them: 12, 12.5, 0.25. */
export function hours(value) {
  return Number(value ?? 0).toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/**
 * Asks before something that cannot be undone: the actions give way to a yes and a no button, focus on yes; no puts
 * the actions back and focus on the button that asked. A failure shows next to the question.
 */
export function confirmInline(actions, { question, yes, no, askedBy, onYes, what }) {
  const yesButton = el('button', { type: 'button', class: 'danger' }, yes);
  const noButton = el('button', { type: 'button', class: 'secondary' }, no);
  const confirm = el('p', { class: 'actions', role: 'group', 'aria-label': question }, yesButton, ' ', noButton);
  const problem = el('div', {});
  actions.replaceWith(confirm);
  confirm.after(problem);
  yesButton.focus();
  noButton.addEventListener('click', () => { problem.remove(); confirm.replaceWith(actions); askedBy.focus(); });
  yesButton.addEventListener('click', async () => {
    yesButton.disabled = true;
    try {
      await onYes();
    } catch (error) {
      yesButton.disabled = false;
      loadFailed(problem, error, what);
    }
  });
}

export function money(amount, currency = 'GBP') {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(Number(amount));
}

/** Today in the person's time zone as yyyy-mm-dd, for date inputs. */
export function today() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

/** CONSTANT_CASE to "Constant case". */
export function humanise(constant) {
  if (!constant) return '';
  const words = String(constant).toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const MEMBERSHIP_STATUS = {
  APPLIED: { label: 'Applied', next: 'A programme admin is reviewing your evidence of training and experience.' },
  REJECTED: { label: 'Not approved', next: 'Your application was not approved. You may apply again with more evidence.' },
  AWAITING_PAYMENT: { label: 'Awaiting payment', next: 'You are eligible. Pay your invoice and your membership starts when the programme office records the payment.' },
  ACTIVE: { label: 'Active', next: 'You are a member. Keep logging your CPD: renewal asks for evidence of it.' },
  RENEWAL_DUE: { label: 'Renewal due', next: 'Your membership year is ending. Renew with your CPD record of the year.' },
  RENEWAL_SUBMITTED: { label: 'Renewal submitted', next: 'A programme admin is reviewing your CPD record.' },
  RENEWAL_PAYMENT: { label: 'Renewal awaiting payment', next: 'Your renewal is approved. Pay the renewal invoice to start your next year.' },
  LAPSED: { label: 'Lapsed', next: 'Your membership was not renewed in time. You may apply again.' }
};

/** What an invoice charges for: a membership year, its renewal, or an ILM award programme's fee. */
export const invoicePurpose = invoice => invoice.purpose === 'AWARD' ? 'ILM award programme fee'
  : `${invoice.purpose === 'RENEWAL' ? 'Renewal' : 'Membership'} ${invoice.membershipYear}`;

export const statusLabel = status => MEMBERSHIP_STATUS[status]?.label || humanise(status);
