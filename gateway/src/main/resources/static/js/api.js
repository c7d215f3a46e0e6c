// Calls the platform's API through the gateway with the portal's session. Unsafe methods carry the CSRF token the
// gateway sets in the XSRF-TOKEN cookie. Failures arrive as RFC 9457 problem details and are thrown as ApiError.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The request failed (${status})`);
    this.status = status;
    this.problem = problem || {};
  }
  /** Field errors of a validation problem, as { field: message }. */
  get fieldErrors() {
    const errors = {};
    for (const e of this.problem.errors || []) errors[e.field] = e.message;
    return errors;
  }
}

export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

export async function api(path, { method = 'GET', body, headers = {}, accept = 'application/json' } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: accept, ...headers } };
  if (body instanceof FormData) {
    init.body = body; // multipart: the browser writes the Content-Type with its boundary
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (!['GET', 'HEAD'].includes(method)) init.headers['X-XSRF-TOKEN'] = csrfToken();
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', detail: 'The platform could not be reached. Check your connection and try again.' });
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) throw new ApiError(response.status, typeof payload === 'object' ? payload : null);
  return payload;
}

/** The signed-in person, or { authenticated: false }. */
export async function session() {
  try {
    return await api('/portal/session');
  } catch (e) {
    return { authenticated: false };
  }
}

export function signInUrl(returnTo = location.pathname + location.search) {
  sessionStorage.setItem('exchange.returnTo', returnTo);
  return '/oauth2/authorization/keycloak';
}

/** Keycloak's registration page: a newcomer creates an account, confirms their e-mail address, and comes back here. */
export function signUpUrl(returnTo = '/dashboard.html') {
  signInUrl(returnTo);
  return '/oauth2/authorization/keycloak?signup';
}
