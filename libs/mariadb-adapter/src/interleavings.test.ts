import { AddMembers, DeleteUser, DomainError } from '@chatroom/domain';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMariadbAdapter as openPostgresAdapter, type MariadbAdapter as PostgresAdapter } from './open-mariadb-adapter.js';
import { createTestMariadbDatabase as createTestDatabase } from './testing/create-test-database.js';
import { auditCounters, CLEAN_AUDIT } from './testing/audit-counters.js';
import { seedApp, seedRoom, seedUsers } from './test-support/seed.js';

// Interleavings too rare for a storm to hit reliably, forced with a barrier: one unit of work
// holds its locks (uncommitted) while a use case runs into them, then commits.
const database = await createTestDatabase();

/** How long the second unit gets to run into the first one's locks before it commits. */
const BLOCKED_MS = 300;

describe.skipIf(!database)('mariadb: forced interleavings', () => {
  let adapter: PostgresAdapter;

  beforeAll(async () => {
    adapter = await openPostgresAdapter({ databaseUrl: database!.url });
  });
  afterAll(async () => {
    await adapter?.close();
    await database?.drop();
  });

  /** Runs `hold` in a unit of work that commits only once `release` is called. */
  function holding(hold: Parameters<PostgresAdapter['uow']['write']>[0]) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const done = adapter.uow.write(async (r) => {
      await hold(r);
      await released;
    });
    return { release, done };
  }

  it('an addition to a room dissolved while it waits answers "grpID … does not exist!", not a 500', async () => {
    const app = await seedApp(adapter.uow);
    const [owner, joiner] = await seedUsers(adapter.uow, app, 2);
    const room = await seedRoom(adapter, app, owner!);

    const dissolve = holding(async (r) => {
      expect(await r.chatrooms.delete(app.id, room.id)).toBe(true);
    });
    await sleep(50);
    const add = new AddMembers({ uow: adapter.uow }).execute(app, room.id, [joiner!]).catch((e: unknown) => e);
    await sleep(BLOCKED_MS);
    dissolve.release();
    await dissolve.done;

    const error = await add;
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('ChatroomNotFound');
    expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
  });

  it('deleting a user while a room is transferred to them dissolves that room too: no room is left without an owner', async () => {
    const app = await seedApp(adapter.uow);
    const [alice, bob] = await seedUsers(adapter.uow, app, 2);
    const room = await seedRoom(adapter, app, alice!);
    await adapter.uow.write((r) => r.memberships.add(app.id, room.id, [bob!], 'member', 100));

    const transfer = holding(async (r) => {
      await r.chatrooms.findByIdForUpdate(app.id, room.id);
      await r.memberships.transferOwnership(app.id, room.id, alice!, bob!);
    });
    await sleep(50);
    const deletion = new DeleteUser({ uow: adapter.uow }).execute(app, bob!);
    await sleep(BLOCKED_MS);
    transfer.release();
    await transfer.done;
    await deletion;

    await adapter.uow.read(async (r) => {
      expect(await r.chatrooms.findById(app.id, room.id)).toBeNull();
      expect(await r.users.findExisting(app.id, [alice!, bob!])).toEqual([alice]);
    });
    expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
  });
});
