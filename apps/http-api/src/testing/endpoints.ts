/** Every token-protected endpoint of the service, for tests that sweep them all. */
export interface EndpointCase {
  readonly label: string;
  readonly method: string;
  /** Path under `/{org}/{app}`. */
  readonly path: string;
  /** A valid-looking body, for endpoints that take one. */
  readonly body?: unknown;
}

export const PROTECTED_ENDPOINTS: readonly EndpointCase[] = [
  { label: 'POST /users', method: 'POST', path: '/users', body: { username: 'zed', password: 'pw' } },
  { label: 'GET /users/{username}', method: 'GET', path: '/users/zed' },
  { label: 'DELETE /users/{username}', method: 'DELETE', path: '/users/zed' },
  { label: 'GET /chatrooms', method: 'GET', path: '/chatrooms' },
  { label: 'GET /users/{username}/joined_chatrooms', method: 'GET', path: '/users/zed/joined_chatrooms' },
  { label: 'GET /chatrooms/{ids}', method: 'GET', path: '/chatrooms/1,2' },
  { label: 'POST /chatrooms', method: 'POST', path: '/chatrooms', body: { name: 'n', description: 'd', owner: 'zed' } },
  { label: 'PUT /chatrooms/{id} (modify)', method: 'PUT', path: '/chatrooms/1', body: { name: 'n' } },
  { label: 'PUT /chatrooms/{id} (transfer)', method: 'PUT', path: '/chatrooms/1', body: { newowner: 'zed' } },
  { label: 'DELETE /chatrooms/{id}', method: 'DELETE', path: '/chatrooms/1' },
];
