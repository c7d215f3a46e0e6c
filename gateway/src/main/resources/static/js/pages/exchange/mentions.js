// The mention picker of a post's text box: typing @ and the start of a name offers the space's members by name in a
// list under the box (the combobox pattern of WAI-ARIA's authoring practices, on a textarea: the box keeps focus and
// points at the highlighted option with aria-activedescendant). Arrow keys move, Enter or Tab inserts the mention as
// the server reads it (@ and the full name), Escape closes the list; a click picks too. The members are fetched once,
// when the first @ is typed, from GET /api/exchange/discussions/{space}/members (names only).
import { api } from '../../api.js';
import { el, announce } from '../../dom.js';

/** A mention being typed just before the caret: @ at the start or after a space, then up to three words. */
const TYPING = /(?:^|[^\p{L}\p{N}])@([\p{L}\p{N}'’.-]*(?: [\p{L}\p{N}'’.-]*){0,2})$/u;
const MOST = 8;

/** Gives the text box a mention picker of the space's members; returns the box. */
export function mentionPicker(textarea, spaceId) {
  const listId = `${textarea.id}-mentions`;
  const list = el('ul', { id: listId, role: 'listbox', class: 'mention-list', hidden: true,
    'aria-label': 'Members to mention' });
  const help = el('span', { id: `${textarea.id}-mention-help`, class: 'visually-hidden' },
    'Type @ and the start of a name to mention a member; choose with the up and down arrows and Enter.');
  textarea.setAttribute('aria-autocomplete', 'list');
  textarea.setAttribute('aria-controls', listId);
  textarea.setAttribute('aria-describedby',
    [...(textarea.getAttribute('aria-describedby') || '').split(' ').filter(Boolean), help.id].join(' '));
  textarea.after(list, help);

  let members = null;
  let options = [];
  let active = -1;
  let typed = null;

  async function load() {
    if (!members) {
      members = api(`/api/exchange/discussions/${encodeURIComponent(spaceId)}/members`).catch(() => []);
    }
    return members;
  }

  function close() {
    list.hidden = true;
    list.replaceChildren();
    options = [];
    active = -1;
    typed = null;
    textarea.removeAttribute('aria-activedescendant');
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((item, position) => item.setAttribute('aria-selected', String(position === index)));
    const option = list.children[index];
    if (option) {
      textarea.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView?.({ block: 'nearest' });
    }
  }

  function choose(index) {
    const member = options[index];
    if (!member || !typed) return;
    const before = textarea.value.slice(0, typed.start);
    const after = textarea.value.slice(textarea.selectionEnd);
    const mention = `@${member.name} `;
    textarea.value = before + mention + after.replace(/^ /, '');
    const caret = before.length + mention.length;
    textarea.setSelectionRange(caret, caret);
    close();
    announce(`${member.name} mentioned.`);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }

  async function offer() {
    const upToCaret = textarea.value.slice(0, textarea.selectionStart);
    const match = textarea.selectionStart === textarea.selectionEnd ? TYPING.exec(upToCaret) : null;
    if (!match) {
      close();
      return;
    }
    const words = match[1].toLowerCase();
    const people = await load();
    const found = people.filter(person => {
      const name = person.name.toLowerCase();
      return name.startsWith(words) || name.split(/\s+/).some(part => part.startsWith(words));
    }).slice(0, MOST);
    if (!found.length || (found.length === 1 && found[0].name.toLowerCase() === words.trim())) {
      close();
      return;
    }
    typed = { start: upToCaret.length - match[1].length - 1 };
    options = found;
    list.replaceChildren(...found.map((person, index) => el('li', { id: `${listId}-${index}`, role: 'option',
      class: 'mention-option', 'aria-selected': 'false',
      // keep the caret in the text box: pick on mousedown, before the box would lose focus
      onmousedown: event => { event.preventDefault(); choose(index); } }, person.name)));
    list.hidden = false;
    highlight(0);
    announce(found.length === 1 ? `1 member matches: ${found[0].name}.` : `${found.length} members match.`);
  }

  textarea.addEventListener('input', event => {
    if (event.isTrusted) offer();
  });
  textarea.addEventListener('click', () => offer());
  textarea.addEventListener('blur', () => close());
  textarea.addEventListener('keydown', event => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      if (active < 0) return;
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  return textarea;
}
