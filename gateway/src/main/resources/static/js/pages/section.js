// A role's section of the portal: the pages of that section, as each feature adds them to SECTIONS.
import { shell } from '../shell.js';
import { el } from '../dom.js';

/** Pages of each section by path prefix; features add theirs here. */
export const SECTIONS = {
  '/admin/': [],
  '/organisation/': [],
  '/facilitate/': []
};

await shell({ signInRequired: true });
const links = SECTIONS[location.pathname] || [];
const host = document.getElementById('section-links');
if (!links.length) {
  host.replaceWith(el('p', { class: 'notice' }, 'The tools of this section appear here as they become available.'));
} else {
  host.append(...links.map(link => el('li', { class: 'card' },
    el('h2', {}, el('a', { href: link.href }, link.title)), el('p', {}, link.description))));
}
