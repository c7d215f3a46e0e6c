// A role's section of the portal: the pages of that section, as each context lists them in js/features/.
import { shell, hasRole } from '../shell.js';
import { el } from '../dom.js';
import { sectionPages } from '../features/index.js';

const me = await shell({ signInRequired: true });
const section = location.pathname.replace(/index\.html$/, '');
const links = sectionPages(section).filter(link => !link.roles || hasRole(me, ...link.roles));
const host = document.getElementById('section-links');
if (!links.length) {
  host.replaceWith(el('p', { class: 'notice' }, 'The tools of this section appear here as they become available.'));
} else {
  host.append(...links.map(link => el('li', { class: 'card' },
    el('h2', {}, el('a', { href: link.href }, link.title)), el('p', {}, link.description))));
}
