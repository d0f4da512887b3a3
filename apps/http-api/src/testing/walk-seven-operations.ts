import { expect } from 'vitest';
import { createRoom, registerUsers } from './fixtures.js';
import type { TestService } from './http-harness.js';

/**
 * The seven Easemob chat-room operations end to end, with users and tokens, as each real store
 * must answer them: create, list with its cursor, details of two rooms, joined rooms, modify,
 * transfer, dissolve, then a user's deletion taking their own room with them. `beforeDissolve`
 * runs store-specific checks on the room while it still exists.
 */
export async function walkSevenOperations(
  svc: TestService,
  options: { roomName: string; beforeDissolve?: (id: string) => Promise<void> },
): Promise<void> {
  await registerUsers(svc, 'Ann', 'ben', 'cat');
  const id = await createRoom(svc, 'ann', {
    name: options.roomName,
    members: ['ben', 'cat'],
    maxusers: 10,
    custom: '{"k":1}',
  });
  const room2 = await createRoom(svc, 'ben');

  const list = await svc.call('GET', svc.appPath('/chatrooms?limit=1'));
  expect(list.body.data).toEqual([{ id: room2, name: 'room', owner: 'ben', affiliations_count: 1 }]);
  const next = await svc.call('GET', svc.appPath(`/chatrooms?limit=1&cursor=${list.body.cursor}`));
  expect(next.body.data[0].id).toBe(id);

  const details = await svc.call('GET', svc.appPath(`/chatrooms/${id}%2C${room2}`));
  expect(details.body.data.map((r: { id: string }) => r.id)).toEqual([id, room2]);
  expect(details.body.data[0]).toMatchObject({
    name: options.roomName,
    custom: '{"k":1}',
    maxusers: 10,
    affiliations: [{ owner: 'ann' }, { member: 'ben' }, { member: 'cat' }],
  });
  const joined = await svc.call('GET', svc.appPath('/users/ben/joined_chatrooms'));
  expect(joined.body.data.map((r: { id: string }) => r.id)).toEqual([room2, id]);

  const modified = await svc.call('PUT', svc.appPath(`/chatrooms/${id}`), { body: { name: 'hall', maxusers: 3 } });
  expect(modified.body.data).toEqual({ groupname: true, maxusers: true });
  expect((await svc.call('PUT', svc.appPath(`/chatrooms/${id}`), { body: { newowner: 'cat' } })).status).toBe(200);
  const after = await svc.call('GET', svc.appPath(`/chatrooms/${id}`));
  expect(after.body.data[0]).toMatchObject({ name: 'hall', owner: 'cat', affiliations_count: 3 });

  await options.beforeDissolve?.(id);
  expect((await svc.call('DELETE', svc.appPath(`/chatrooms/${id}`))).body.data).toEqual({ success: true, id });
  expect((await svc.call('DELETE', svc.appPath('/users/ben'))).status).toBe(200);
  expect((await svc.call('GET', svc.appPath(`/chatrooms/${room2}`))).status).toBe(404);
}
