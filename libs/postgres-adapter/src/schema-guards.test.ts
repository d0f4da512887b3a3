import type { UserId } from '@chatroom/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresAdapter, type PostgresAdapter } from './open-postgres-adapter.js';
import { adaptersUnderTest } from './test-support/adapters-under-test.js';
import { seedApp, seedRoom, seedUsers } from '@chatroom/sql-store-kit/testing';

// What a buggy caller (one that ignores a refusal, or skips a check the use case makes) can do
// to the invariants: nothing. The repositories and the schema's constraints hold them.
const dialects = await adaptersUnderTest();
afterAll(() => Promise.all(dialects.map((d) => d.cleanup())));

for (const dialect of dialects) {
  describe.skipIf(!dialect.available)(`${dialect.name}: invariants against a buggy caller`, () => {
    let store: PostgresAdapter;
    beforeAll(async () => {
      store = await dialect.open();
    });
    afterAll(() => store?.close());

    async function roomWithMembers(maxUsers: number, members: number) {
      const app = await seedApp(store.uow, { joinedRoomCap: 1 });
      const [owner, ...others] = await seedUsers(store.uow, app, members + 3);
      const room = await seedRoom(store, app, owner!, maxUsers);
      if (members > 0)
        await store.uow.write((r) => r.memberships.add(app.id, room.id, others.slice(0, members), 'member', 1));
      return { app, owner: owner!, room, spare: others.slice(members) };
    }

    const memberCount = (appId: string, roomId: string) =>
      store.uow.read(async (r) => (await r.chatrooms.findById(appId, roomId))?.memberCount);

    it('a refused add that the caller commits anyway leaves nothing behind', async () => {
      const { app, room, spare } = await roomWithMembers(2, 1);
      const outcome = await store.uow.write((r) => r.memberships.add(app.id, room.id, spare, 'member', 1));
      expect(outcome).toEqual({ ok: false, reason: 'room-full' });
      expect(await memberCount(app.id, room.id)).toBe(2);
      const joined = await store.uow.read((r) => r.memberships.joinedRooms(app.id, spare[0]!, 0, 10));
      expect(joined).toEqual([]);
    });

    it('a user-cap refusal committed anyway leaves the room and the other users untouched', async () => {
      const { app, owner, spare } = await roomWithMembers(10, 0);
      const other = await seedRoom(store, app, spare[1]!, 10);
      // `owner` is at the cap of 1: the batch is refused for them, and spare[0] must not stay counted.
      const outcome = await store.uow.write((r) =>
        r.memberships.add(app.id, other.id, [spare[0]!, owner], 'member', 1),
      );
      expect(outcome).toEqual({ ok: false, reason: 'user-cap', username: owner });
      expect(await memberCount(app.id, other.id)).toBe(1);
      const again = await store.uow.write((r) => r.memberships.add(app.id, other.id, [spare[0]!], 'member', 1));
      expect(again).toEqual({ ok: true, added: [spare[0]], memberCount: 2 });
    });

    it('a quota refusal committed anyway leaves no room behind', async () => {
      const { app, owner } = await roomWithMembers(10, 0); // the app's one room
      const seq = await store.ids.next();
      const room = {
        appId: app.id,
        id: String(seq),
        seq,
        name: 'n',
        description: '',
        maxUsers: 5,
        owner,
        custom: '',
        created: 1,
        muteAll: false,
        memberCount: 0,
      };
      expect(await store.uow.write((r) => r.chatrooms.insert(room, 1))).toBe('quota-exceeded');
      expect(await store.uow.read((r) => r.chatrooms.findById(app.id, room.id))).toBeNull();
    });

    it('a second owner is refused by the schema', async () => {
      const { app, room, spare } = await roomWithMembers(10, 0);
      await expect(
        store.uow.write((r) => r.memberships.add(app.id, room.id, [spare[0]!], 'owner', 10)),
      ).rejects.toThrow(/database error 23505 on memberships_one_owner_idx/);
    });

    it('a transfer to a non-member answers not-member and leaves the owner in place', async () => {
      const { app, owner, room, spare } = await roomWithMembers(10, 0);
      expect(await store.uow.write((r) => r.memberships.transferOwnership(app.id, room.id, owner, spare[0]!))).toBe(
        'not-member',
      );
      const map = await store.uow.read((r) => r.memberships.affiliations(app.id, [room.id]));
      expect(map.get(room.id)).toEqual([{ username: owner, role: 'owner' }]);
    });

    it('lowering maxusers below the member count is refused by the schema', async () => {
      const { app, room } = await roomWithMembers(10, 3);
      await expect(store.uow.write((r) => r.chatrooms.update(app.id, room.id, { maxUsers: 2 }))).rejects.toThrow(
        /database error 23514 on rooms_member_count_check/,
      );
    });

    it('deleting a user who is still a member is refused, so no room keeps a phantom member', async () => {
      const { app, owner } = await roomWithMembers(10, 0);
      await expect(store.uow.write((r) => r.users.delete(app.id, owner as UserId))).rejects.toThrow(
        /database error 23503/,
      );
    });
  });
}

const postgres = dialects.find((d) => d.name === 'postgres')!;

describe.skipIf(!postgres.available)('postgres: the schema itself refuses broken rows', () => {
  let client: pg.Client;
  beforeAll(async () => {
    const db = (await postgres.createDatabase())!;
    await (await openPostgresAdapter({ databaseUrl: db.url })).close(); // migrates it
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(
      `INSERT INTO apps VALUES ('00000000-0000-4000-8000-000000000001', 'o', 'a', 'c', 'h', 'k', 10, 10, 100, true, 0, 0)`,
    );
    await client.query(`INSERT INTO users (app_id, username, uuid, password_hash, created, modified)
      VALUES ('00000000-0000-4000-8000-000000000001', 'alice', gen_random_uuid(), 'h', 0, 0)`);
    await client.query(`INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created)
      VALUES ('00000000-0000-4000-8000-000000000001', 'r1', 1, 'n', '', 5, 'alice', '', 0)`);
    await client.query(`INSERT INTO room_user_lists (app_id, room_id, list, username)
      VALUES ('00000000-0000-4000-8000-000000000001', 'r1', 'allowlist', 'alice')`);
  });
  afterAll(() => client?.end());

  const rejects = (statement: string) =>
    expect(client.query(statement)).rejects.toMatchObject({ code: expect.stringMatching(/^23/) });

  it.each([
    [
      'an upper-case user id',
      `INSERT INTO users (app_id, username, uuid, password_hash, created, modified) VALUES ('00000000-0000-4000-8000-000000000001', 'Bob', gen_random_uuid(), 'h', 0, 0)`,
    ],
    [
      'a room name over 128 characters',
      `INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created) VALUES ('00000000-0000-4000-8000-000000000001', '1', 1, repeat('é', 129), '', 5, 'alice', '', 0)`,
    ],
    [
      'custom data over 8192 bytes',
      `INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created) VALUES ('00000000-0000-4000-8000-000000000001', '1', 1, 'n', '', 5, 'alice', repeat('é', 4097), 0)`,
    ],
    [
      'a room id outside [a-z0-9]',
      `INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created) VALUES ('00000000-0000-4000-8000-000000000001', 'A-1', 1, 'n', '', 5, 'alice', '', 0)`,
    ],
    [
      'a member count above maxusers',
      `INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created, member_count) VALUES ('00000000-0000-4000-8000-000000000001', '1', 1, 'n', '', 5, 'alice', '', 0, 6)`,
    ],
    ['a negative joined count', `UPDATE users SET joined_count = -1`],
    [
      'a membership of a room that does not exist',
      `INSERT INTO memberships (app_id, room_id, username, role) VALUES ('00000000-0000-4000-8000-000000000001', 'nope', 'alice', 'member')`,
    ],
    [
      'an unknown role',
      `INSERT INTO memberships (app_id, room_id, username, role) VALUES ('00000000-0000-4000-8000-000000000001', 'nope', 'alice', 'king')`,
    ],
  ])('%s', async (_, statement) => {
    await rejects(statement);
  });

  const app = `'00000000-0000-4000-8000-000000000001'`;
  const attribute = (key: string, value: string, owner = `'alice'`) =>
    `INSERT INTO room_attributes (app_id, room_id, key, value, owner, auto_delete) VALUES (${app}, 'r1', ${key}, ${value}, ${owner}, true)`;
  it.each([
    ['an announcement over 512 characters', `UPDATE rooms SET announcement = repeat('é', 513)`],
    ['an attribute key over 128 characters', attribute(`repeat('k', 129)`, `'v'`)],
    ['an attribute key outside [A-Za-z0-9_.-]', attribute(`'a b'`, `'v'`)],
    ['an empty attribute key', attribute(`''`, `'v'`)],
    ['an attribute value over 4096 characters', attribute(`'k'`, `repeat('é', 4097)`)],
    ['an attribute owned by nobody', attribute(`'k'`, `'v'`, `'ghost'`)],
    [
      'a list entry of a user who does not exist',
      `INSERT INTO room_user_lists (app_id, room_id, list, username) VALUES (${app}, 'r1', 'blocklist', 'ghost')`,
    ],
    [
      'a list entry of a room that does not exist',
      `INSERT INTO room_user_lists (app_id, room_id, list, username) VALUES (${app}, 'nope', 'blocklist', 'alice')`,
    ],
    [
      'a user twice on one list',
      `INSERT INTO room_user_lists (app_id, room_id, list, username) VALUES (${app}, 'r1', 'allowlist', 'alice')`,
    ],
    [
      'an unknown list',
      `INSERT INTO room_user_lists (app_id, room_id, list, username) VALUES (${app}, 'r1', 'greylist', 'alice')`,
    ],
    [
      'a mute ending before -1',
      `INSERT INTO mutes (app_id, room_id, username, expires_at) VALUES (${app}, 'r1', 'alice', -2)`,
    ],
    [
      'a mute of a room that does not exist',
      `INSERT INTO mutes (app_id, room_id, username, expires_at) VALUES (${app}, 'nope', 'alice', -1)`,
    ],
    ['a super admin who is not a user', `INSERT INTO super_admins (app_id, username) VALUES (${app}, 'ghost')`],
  ])('%s', async (_, statement) => {
    await rejects(statement);
  });
});
