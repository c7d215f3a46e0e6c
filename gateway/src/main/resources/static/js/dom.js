// Small DOM helpers: build elements from data without innerHTML, so nothing a person typed is ever run as markup.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A moment as the portal writes it everywhere: "Tue 22 Dec 2026, 09:30", in the reader's time zone. */
export function formatDateTime(iso) {
  if (!iso) return '';
  const at = new Date(iso);
  return `${formatDate(at)}, ${new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(at)}`;
}

/** A day as the portal writes it everywhere: "Tue 22 Dec 2026". A date without a time (yyyy-mm-dd) is that day. */
export function formatDate(iso) {
  if (!iso) return '';
  const dateOnly = typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    timeZone: dateOnly ? 'UTC' : undefined }).format(new Date(iso)).replace(',', '');
}

/** Tells screen reader users what just happened, politely. */
export function announce(message) {
  let region = document.getElementById('announcer');
  if (!region) {
    region = el('div', { id: 'announcer', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    document.body.append(region);
  }
  region.textContent = '';
  setTimeout(() => { region.textContent = message; }, 50);
}
