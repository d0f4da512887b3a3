// Every call of the console to the operator API: same origin, the session cookie, JSON both ways.
// An error answer (the Easemob error body) becomes an ApiError carrying its description.

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error_description ?? `HTTP ${status}`);
    this.status = status;
  }
}

export async function api(method, path, body) {
  const response = await fetch(`/admin/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
}

export const appPath = (org, app) => `/apps/${encodeURIComponent(org)}/${encodeURIComponent(app)}`;
