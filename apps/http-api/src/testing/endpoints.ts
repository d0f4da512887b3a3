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
  // Members, roles and moderation
  { label: 'GET /chatrooms/{id}/users', method: 'GET', path: '/chatrooms/1/users' },
  { label: 'POST /chatrooms/{id}/users/{username}', method: 'POST', path: '/chatrooms/1/users/zed' },
  { label: 'POST /chatrooms/{id}/users', method: 'POST', path: '/chatrooms/1/users', body: { usernames: ['zed'] } },
  { label: 'DELETE /chatrooms/{id}/users/{username}', method: 'DELETE', path: '/chatrooms/1/users/zed' },
  { label: 'DELETE /chatrooms/{id}/users/{usernames}', method: 'DELETE', path: '/chatrooms/1/users/zed,amy' },
  { label: 'GET /chatrooms/{id}/admin', method: 'GET', path: '/chatrooms/1/admin' },
  { label: 'POST /chatrooms/{id}/admin', method: 'POST', path: '/chatrooms/1/admin', body: { newadmin: 'zed' } },
  { label: 'DELETE /chatrooms/{id}/admin/{oldadmin}', method: 'DELETE', path: '/chatrooms/1/admin/zed' },
  { label: 'GET /chatrooms/super_admin', method: 'GET', path: '/chatrooms/super_admin' },
  { label: 'POST /chatrooms/super_admin', method: 'POST', path: '/chatrooms/super_admin', body: { superadmin: 'zed' } },
  { label: 'DELETE /chatrooms/super_admin/{superAdmin}', method: 'DELETE', path: '/chatrooms/super_admin/zed' },
  { label: 'GET /chatrooms/{id}/mute', method: 'GET', path: '/chatrooms/1/mute' },
  { label: 'POST /chatrooms/{id}/mute', method: 'POST', path: '/chatrooms/1/mute', body: { usernames: ['zed'], mute_duration: 1 } },
  { label: 'DELETE /chatrooms/{id}/mute/{members}', method: 'DELETE', path: '/chatrooms/1/mute/zed' },
  { label: 'POST /chatrooms/{id}/ban', method: 'POST', path: '/chatrooms/1/ban' },
  { label: 'DELETE /chatrooms/{id}/ban', method: 'DELETE', path: '/chatrooms/1/ban' },
  { label: 'GET /chatrooms/{id}/blocks/users', method: 'GET', path: '/chatrooms/1/blocks/users' },
  { label: 'POST /chatrooms/{id}/blocks/users/{username}', method: 'POST', path: '/chatrooms/1/blocks/users/zed' },
  { label: 'POST /chatrooms/{id}/blocks/users', method: 'POST', path: '/chatrooms/1/blocks/users', body: { usernames: ['zed'] } },
  { label: 'DELETE /chatrooms/{id}/blocks/users/{usernames}', method: 'DELETE', path: '/chatrooms/1/blocks/users/zed' },
  { label: 'GET /chatrooms/{id}/white/users', method: 'GET', path: '/chatrooms/1/white/users' },
  { label: 'POST /chatrooms/{id}/white/users/{username}', method: 'POST', path: '/chatrooms/1/white/users/zed' },
  { label: 'POST /chatrooms/{id}/white/users', method: 'POST', path: '/chatrooms/1/white/users', body: { usernames: ['zed'] } },
  { label: 'DELETE /chatrooms/{id}/white/users/{usernames}', method: 'DELETE', path: '/chatrooms/1/white/users/zed' },
  { label: 'GET /chatrooms/{id}/announcement', method: 'GET', path: '/chatrooms/1/announcement' },
  { label: 'GET /chatrooms/{id}/events', method: 'GET', path: '/chatrooms/1/events' },
  { label: 'POST /chatrooms/{id}/announcement', method: 'POST', path: '/chatrooms/1/announcement', body: { announcement: 'a' } },
  { label: 'PUT /chatrooms/{id}/announcement', method: 'PUT', path: '/chatrooms/1/announcement', body: { announcement: 'a' } },
  {
    label: 'PUT /metadata/chatroom/{id}/user/{username}',
    method: 'PUT',
    path: '/metadata/chatroom/1/user/zed',
    body: { metaData: { k: 'v' } },
  },
  {
    label: 'PUT /metadata/chatroom/{id}/user/{username}/forced',
    method: 'PUT',
    path: '/metadata/chatroom/1/user/zed/forced',
    body: { metaData: { k: 'v' } },
  },
  { label: 'POST /metadata/chatroom/{id}', method: 'POST', path: '/metadata/chatroom/1', body: {} },
  {
    label: 'DELETE /metadata/chatroom/{id}/user/{username}',
    method: 'DELETE',
    path: '/metadata/chatroom/1/user/zed',
    body: { keys: ['k'] },
  },
  {
    label: 'DELETE /metadata/chatroom/{id}/user/{username}/forced',
    method: 'DELETE',
    path: '/metadata/chatroom/1/user/zed/forced',
    body: { keys: ['k'] },
  },
];
