// Files a post carries: a file field in the post forms (up to five files of the allowed types, at most 5 MiB each,
// checked here first and again by exchange-service from their content), uploaded into the space just before the post
// is sent; and a post's files shown as download links with their name and size. A refusal (too large, another type)
// is shown at the field, as the browser's own checks are.

import { el } from '../../dom.js';
import { api, ApiError } from '../../api.js';
import { field } from './common.js';

/** How many files a post carries at most (exchange.discussions.attachments-per-post). */
export const MOST_FILES = 5;
const MAX_BYTES = 5 * 1024 * 1024;
const EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg', '.txt', '.docx', '.xlsx', '.pptx'];
const LIMITS = `Up to ${MOST_FILES} files, each at most 5 MB: PDF, PNG, JPEG, plain text (.txt), Word (.docx), `
  + 'Excel (.xlsx) or PowerPoint (.pptx).';

/** The optional file field of a post form, named "files"; the browser's check says what is wrong with a choice. */
export function fileField(formId) {
  const wrapper = field(formId, 'files', 'Files', { type: 'file', hint: LIMITS,
    attributes: { multiple: true, accept: EXTENSIONS.join(',') } });
  const input = wrapper.querySelector('input');
  input.addEventListener('change', () => input.setCustomValidity(problemWith([...input.files])));
  return wrapper;
}

/** Uploads the form's chosen files into the space; their ids, to send with the post. */
export async function uploadFiles(form, spaceId) {
  const input = form.elements.namedItem('files');
  const ids = [];
  for (const file of input?.files || []) {
    const body = new FormData();
    body.append('file', file);
    try {
      ids.push((await api(`/api/exchange/discussions/${encodeURIComponent(spaceId)}/attachments`,
        { method: 'POST', body })).id);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      throw new ApiError(error.status, { ...error.problem,
        errors: [{ field: 'files', message: `${file.name}: ${error.message}` }] });
    }
  }
  return ids;
}

/** The post's files as download links, with their name and size; nothing when it has none. */
export function postFiles(post) {
  if (!post.attachments?.length) return null;
  return el('ul', { class: 'post-files', 'aria-label': 'Files', 'data-testid': 'post-files' },
    post.attachments.map(file => el('li', {},
      el('a', { href: `/api/exchange/discussions/attachments/${encodeURIComponent(file.id)}`, download: file.name },
        file.name), el('span', { class: 'muted' }, ` (${size(file.size)})`))));
}

function problemWith(files) {
  if (files.length > MOST_FILES) return `Choose at most ${MOST_FILES} files; you chose ${files.length}`;
  for (const file of files) {
    const dot = file.name.lastIndexOf('.');
    const extension = dot < 0 ? '' : file.name.slice(dot).toLowerCase();
    if (!EXTENSIONS.includes(extension)) return `${file.name} is not one of the allowed types. ${LIMITS}`;
    if (file.size > MAX_BYTES) return `${file.name} is ${size(file.size)}: a file is at most 5 MB`;
    if (file.size === 0) return `${file.name} is empty`;
  }
  return '';
}

function size(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
