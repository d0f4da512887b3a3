import type { TestService } from './http-harness.js';

/** Registers users (password = name) through the API; fails the test on any refusal. */
export async function registerUsers(svc: TestService, ...usernames: string[]): Promise<void> {
  const response = await svc.call('POST', svc.appPath('/users'), {
    body: usernames.map((username) => ({ username, password: `pw-${username}` })),
  });
  if (response.status !== 200 || response.body.data.length > 0) {
    throw new Error(`registering ${usernames.join(',')} failed: ${response.text}`);
  }
}

/** Registers `${prefix}1` … `${prefix}${count}` in batches the API takes (≤ 60) and returns them. */
export async function registerMany(svc: TestService, prefix: string, count: number): Promise<string[]> {
  const all = Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
  for (let i = 0; i < all.length; i += 60) await registerUsers(svc, ...all.slice(i, i + 60));
  return all;
}

/** Creates a room through the API and returns its id. */
export async function createRoom(
  svc: TestService,
  owner: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const response = await svc.call('POST', svc.appPath('/chatrooms'), {
    body: { name: 'room', description: 'a room', owner, ...extra },
  });
  if (response.status !== 200) throw new Error(`creating a room failed: ${response.text}`);
  return response.body.data.id;
}

/** Asserts-friendly view of an error response: just its status and Easemob row. */
export function errorRow(response: { status: number; body: any }) {
  return {
    status: response.status,
    error: response.body?.error,
    error_description: response.body?.error_description,
  };
}
