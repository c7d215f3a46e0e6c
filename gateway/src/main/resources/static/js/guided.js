// A long page's forms as sections that open one at a time (the facilitator's group page, the partnership page). Each
// section keeps its heading, whose button shows or hides the section's panel (aria-expanded, aria-controls); opening
// one closes the others. The open section is the address's fragment (#venues), so that a reload, a link or coming
// back to the page opens the same one; with none in the address every section starts closed and the headings read
// as the page's contents.
import { el } from './dom.js';

/** The sections of the pages already built, so that a page built again (after a save) answers the address once. */
const built = new Set();
/** Whether the page has scrolled to the section its address named when it loaded (once, not after each save). */
let arrived = false;

window.addEventListener('hashchange', () => {
  for (const sections of built) {
    if (!sections.element.isConnected) built.delete(sections);
    else sections.follow();
  }
});

/**
 * Sections that open one at a time: [{ id, title, content, headingId }], content being nodes (null and arrays
 * allowed). id names the section (and the address's fragment that opens it); headingId, when given, keeps an id the
 * heading had before the page had sections. Returns { element, open(id), reveal(node), current() }.
 */
export function guidedSections(list, { level = 2 } = {}) {
  const ids = new Set(list.map(section => section.id));
  const parts = list.map(({ id, title, content, headingId }) => {
    const panel = el('div', { id: `${id}-panel`, class: 'guided-panel', hidden: true }, content);
    const toggle = el('button', { type: 'button', id: `${id}-toggle`, class: 'guided-toggle',
      'aria-expanded': 'false', 'aria-controls': panel.id }, title);
    const heading = el(`h${level}`, { id: headingId || `${id}-heading`, class: 'guided-heading' }, toggle);
    const section = el('section', { id, class: 'guided-section', 'aria-labelledby': heading.id }, heading, panel);
    toggle.addEventListener('click', () => show(toggle.getAttribute('aria-expanded') === 'true' ? null : id));
    return { id, section, panel, toggle };
  });

  /** Opens one section (or none) and closes the others, and keeps the address's fragment in step. */
  function show(id) {
    for (const part of parts) {
      const open = part.id === id;
      part.panel.hidden = !open;
      part.toggle.setAttribute('aria-expanded', String(open));
      part.section.classList.toggle('open', open);
    }
    const fragment = id ? `#${id}` : '';
    if (location.hash !== fragment && (id || ids.has(location.hash.slice(1)))) {
      // the same history entry: opening sections is not a page of its own, but coming back to it keeps the section
      history.replaceState(history.state, '', `${location.pathname}${location.search}${fragment}`);
    }
  }

  const sections = {
    element: el('div', { class: 'guided' }, parts.map(part => part.section)),
    /** The section the address names, opened (or every section closed when it names none of them). */
    follow() {
      const wanted = location.hash.slice(1);
      const current = sections.current();
      if (wanted === current) return;
      show(ids.has(wanted) ? wanted : null);
    },
    open(id) {
      show(id);
    },
    /** The open section's id, or null. */
    current() {
      return parts.find(part => !part.panel.hidden)?.id || null;
    },
    /** The open section's panel, or null. */
    currentPanel() {
      return parts.find(part => !part.panel.hidden)?.panel || null;
    },
    /**
     * Opens the section that holds node (a message just shown, an error summary) and moves focus to node, so that
     * what a save told is never left in a closed section.
     */
    reveal(node) {
      const part = parts.find(candidate => candidate.panel.contains(node));
      if (part && part.panel.hidden) show(part.id);
      if (!node.hasAttribute('tabindex') && !node.matches('a[href], button, input, select, textarea')) {
        node.setAttribute('tabindex', '-1');
      }
      node.focus();
    }
  };
  built.add(sections);
  const wanted = location.hash.slice(1);
  if (ids.has(wanted)) {
    show(wanted);
    if (!arrived) {
      // the page is built after it loaded, too late for the browser to scroll to the fragment itself
      requestAnimationFrame(() => parts.find(part => part.id === wanted)?.section.scrollIntoView());
    }
  }
  arrived = true;
  return sections;
}
