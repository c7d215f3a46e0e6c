// Partner organisations by name: a page shows an organisation's name, never its id (org-...). The names come from
// membership-service's list of organisations, which anyone signed in may read.
import { api } from './api.js';

let names;

/** Every partner organisation's name by its id, fetched once per page; empty when the list cannot be had. */
export function organisationNames() {
  names ??= api('/api/membership/organisations')
    .then(list => new Map(list.map(organisation => [organisation.id, organisation.name])), () => new Map());
  return names;
}

/** An organisation's name from names, or words that say it is not known here (its id means nothing to people). */
export function organisationName(names, id) {
  if (!id) return '—';
  return names.get(id) || 'An organisation not known here';
}
