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

/** The page's status messages: what a submission or an action told (a success, a refusal, an error summary). */
const STATUS_MESSAGES = '.notice[role="status"], [data-status]';

/**
 * Makes node the page's one status message: the earlier ones go, so that an old success never stays beside a new
 * error (nor an old error beside a new success). Every form and status helper shows its messages through this.
 */
export function replaceStatus(node) {
  for (const earlier of document.querySelectorAll(STATUS_MESSAGES)) {
    if (earlier !== node && !earlier.contains(node)) earlier.remove();
  }
  node.dataset.status = '';
  return node;
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

/** The elements a discussion post's HTML may carry: those exchange-service's sanitiser keeps (SafeMarkdown). */
export const POST_ELEMENTS = ['p', 'br', 'em', 'strong', 'ul', 'ol', 'li', 'code', 'pre', 'blockquote', 'a'];

/** The elements a newsletter issue's HTML may carry: CommonMark's output (notification-service escapes raw HTML). */
export const NEWSLETTER_ELEMENTS = [...POST_ELEMENTS, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img'];

/** The only attributes kept: a link's https or mailto address, an image's https source and its text alternative. */
function safeAttributes(node) {
  const address = name => (node.getAttribute(name) || '').trim();
  if (node.localName === 'a' && /^(https:\/\/|mailto:)/i.test(address('href'))) {
    return { href: address('href'), rel: 'nofollow noopener' };
  }
  if (node.localName === 'img' && /^https:\/\//i.test(address('src'))) {
    return { src: address('src'), alt: node.getAttribute('alt') ?? '' };
  }
  return node.localName === 'img' ? { alt: node.getAttribute('alt') ?? '' } : {};
}

/** Elements whose content is never words to show (a script's text stays out even as text). */
const SILENT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'title']);

/**
 * HTML a service sanitised already (a discussion post's text) as nodes for the page, sanitised once more here: it is
 * parsed inert (DOMParser runs no script and loads nothing) and rebuilt with el() from an allow-list, so that a fault
 * on the server still leaves nothing that runs. An element not on the list keeps only its words; no attribute is
 * copied but a link's https or mailto address (links open with rel="nofollow noopener") and an image's https
 * source and text alternative.
 */
export function sanitisedNodes(html, allowed = POST_ELEMENTS) {
  const elements = new Set(allowed);
  const copy = node => {
    if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.data);
    if (node.nodeType !== Node.ELEMENT_NODE) return [];
    const tag = node.localName;
    if (SILENT.has(tag)) return [];
    const children = [...node.childNodes].flatMap(copy);
    if (!elements.has(tag)) return children;
    return el(tag, safeAttributes(node), children);
  };
  return [...new DOMParser().parseFromString(String(html ?? ''), 'text/html').body.childNodes].flatMap(copy);
}
