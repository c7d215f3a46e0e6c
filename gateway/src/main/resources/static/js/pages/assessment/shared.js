// What the self-assessment pages share: the edition's title, the change as people read it, a load that may be absent.
import { api, ApiError } from '../../api.js';

/** "Professional Standards for Teachers and Trainers in England (2022)". */
export const editionTitle = edition => `${edition.name} (${edition.year})`;

/** A change in points as a signed figure, or a dash when there is nothing to compare yet. */
export function change(value) {
  if (value === null || value === undefined) return '—';
  if (value > 0) return `+${value}`;
  if (value < 0) return `−${Math.abs(value)}`;
  return '0';
}

/** The standard's number and wording, or its number alone when the wording is not in the data. */
export const standardText = standard => standard.wording
  ? `${standard.number}. ${standard.wording}${standard.complete === false ? ' …' : ''}`
  : `Standard ${standard.number} (its published wording is not available here yet)`;

/** GET a resource that may not exist yet: null on 404. */
export async function optional(path) {
  try {
    return await api(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
