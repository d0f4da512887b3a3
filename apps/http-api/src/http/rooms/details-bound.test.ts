import { DETAILS_MAX_AFFILIATIONS, type User, type UserId } from '@chatroom/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

const MEMBERS = 10_000;
const ROOMS = DETAILS_MAX_AFFILIATIONS / MEMBERS + 1;

/**
 * One details request cannot pin the process: rooms whose affiliations together pass the bound
 * (100,000) are refused with a 400 before any affiliation is read. Full rooms of 10,000 members
 * (the default ceiling), put straight into the in-memory store to keep the test quick.
 */
describe('GET /{org}/{app}/chatrooms/{ids}: the bound on affiliations per answer', () => {
  let svc: TestService;
  const rooms: string[] = [];
  beforeAll(async () => {
    svc = await startTestService();
    await registerUsers(svc, 'boss');
    const app = await svc.useCases.findApp.execute(svc.org, svc.app, '');
    const users: User[] = Array.from({ length: MEMBERS - 1 }, (_, i) => ({
      appId: app.id,
      username: `m${i}` as UserId,
      uuid: `uuid-${i}`,
      passwordHash: 'hash',
      nickname: null,
      created: 0,
      modified: 0,
    }));
    await svc.deps!.uow.write((r) => r.users.insertMany(users));
    for (let i = 0; i < ROOMS; i++) {
      const id = await createRoom(svc, 'boss', { maxusers: MEMBERS });
      const added = await svc.deps!.uow.write((r) =>
        r.memberships.add(
          app.id,
          id,
          users.map((u) => u.username),
          'member',
          app.settings.joinedRoomCap,
        ),
      );
      expect(added.ok).toBe(true);
      rooms.push(id);
    }
  }, 60_000);
  afterAll(() => svc.close());

  it('answers rooms holding exactly the bound in all', async () => {
    const response = await svc.call('GET', svc.appPath(`/chatrooms/${rooms.slice(0, ROOMS - 1).join(',')}`));
    expect(response.status).toBe(200);
    const total = response.body.data.reduce(
      (sum: number, room: { affiliations: unknown[] }) => sum + room.affiliations.length,
      0,
    );
    expect(total).toBe(DETAILS_MAX_AFFILIATIONS);
  });

  it('refuses one more full room with a 400 naming the total and the bound', async () => {
    const response = await svc.call('GET', svc.appPath(`/chatrooms/${rooms.join(',')}`));
    expect(errorRow(response)).toEqual({
      status: 400,
      error: 'invalid_parameter',
      error_description: `the chatrooms asked for have ${ROOMS * MEMBERS} affiliations in total, more than ${DETAILS_MAX_AFFILIATIONS}: ask for fewer chatrooms at once`,
    });
    expect(response.body.exception).toBe('DetailsTooLargeError');
  });
});
