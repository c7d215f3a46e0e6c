// The resources a post links to: up to five https addresses, each with an optional title, in a fieldset of the post
// forms. The browser's checks say what is wrong next to the field (an address that is not https, for one); the API's
// problem details name the same fields (links[0].url ...), so its answers land beside them too.

import { el } from '../../dom.js';

/** How many links a post carries at most (exchange.discussions.links-per-post). */
export const MOST_LINKS = 5;

/** A fieldset of link rows whose controls are named links[i].url and links[i].title, with an "Add a link" button. */
export function resourceLinks(formId) {
  const rows = el('ol', { class: 'link-rows' });
  const add = el('button', { type: 'button', class: 'secondary', id: `${formId}-add-link` }, 'Add a link');
  const fieldset = el('fieldset', { class: 'resource-links' },
    el('legend', {}, 'Resources', el('span', { class: 'optional' }, ' (optional)')),
    el('p', { class: 'hint', id: `${formId}-links-hint` }, `Link up to ${MOST_LINKS} resources: web pages or shared `
      + 'files, each at an address that starts with https://, with a title saying what it is.'),
    rows, el('div', { class: 'actions' }, add));

  function renumber() {
    [...rows.children].forEach((row, index) => {
      const number = index + 1;
      row.querySelectorAll('[data-part]').forEach(control => {
        const part = control.dataset.part;
        const id = `${formId}-link-${number}-${part}`;
        const label = part === 'url' ? `Link ${number} address` : `Link ${number} title`;
        control.closest('.field').querySelector('label').firstChild.textContent = label;
        control.closest('.field').querySelector('label').htmlFor = id;
        control.id = id;
        control.name = `links[${index}].${part}`;
        control.dataset.label = label;
      });
      row.querySelector('button').lastChild.textContent = ` link ${number}`;
    });
    add.disabled = rows.children.length >= MOST_LINKS;
  }

  function row() {
    const url = el('input', { type: 'url', 'data-part': 'url', maxlength: '2000', inputmode: 'url',
      placeholder: 'https://', autocomplete: 'url', 'aria-describedby': `${formId}-links-hint` });
    url.addEventListener('input', () => url.setCustomValidity(httpsOnly(url.value)));
    const title = el('input', { type: 'text', 'data-part': 'title', maxlength: '200' });
    // a title names a link: without an address it would be lost, so the address is asked for
    title.addEventListener('input', () => { url.required = Boolean(title.value.trim()); });
    const item = el('li', { class: 'link-row' },
      el('div', { class: 'field' }, el('label', {}, 'Address'), url),
      el('div', { class: 'field' }, el('label', {}, 'Title', el('span', { class: 'optional' }, ' (optional)')), title),
      el('button', { type: 'button', class: 'linklike', onclick: () => {
        item.remove();
        renumber();
        add.focus();
      } }, 'Remove', el('span', {}, ' link')));
    return item;
  }

  add.addEventListener('click', () => {
    if (rows.children.length >= MOST_LINKS) return;
    const item = row();
    rows.append(item);
    renumber();
    item.querySelector('input').focus();
  });
  fieldset.reset = () => {
    rows.replaceChildren();
    renumber();
  };
  renumber();
  return fieldset;
}

/** The links in the form's values (links[i].url, links[i].title), leaving out rows without an address. */
export function linksFrom(values) {
  const links = [];
  for (let index = 0; index < MOST_LINKS; index++) {
    const url = values[`links[${index}].url`];
    if (url) links.push({ url, title: values[`links[${index}].title`] || null });
  }
  return links;
}

function httpsOnly(value) {
  const address = value.trim();
  if (!address) return '';
  if (!/^https:\/\/[^\s/]+/i.test(address)) return 'Enter an address that starts with https:// (secure web pages only)';
  return '';
}
