import { RoomCommandsOverUnits, type Repositories, type UnitOfWork } from '@chatroom/domain';
import { createTestDatabase, deadlockPartner, type DeadlockPartner } from '@chatroom/postgres-adapter/testing';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../ports/database.js';
import { TOKENS } from '../ports/tokens.js';
import { SERVICE_TOKENS } from '../composition/service-tokens.js';
import type { ServiceMetrics } from '../metrics/prometheus-metrics.js';
import { createRoom, registerUsers } from '../testing/fixtures.js';
import { startTestService, type TestService } from '../testing/http-harness.js';

// A keyed request whose transaction deadlocks is run again whole, and the client sees only the
// run that committed. The fault is injected after the use case's own writes, inside the keyed
// transaction, through the unit of work the use cases are given.
const db = await createTestDatabase();
if (!db) console.warn('Keyed-request retry tests skipped: no TEST_DATABASE_URL and no Docker engine.');

/** What the next write does after its work: take part in a deadlock (once), or fail with one (always). */
let fault: { deadlock: DeadlockPartner; rooms: [string, string] } | 'conflict' | null = null;

describe.skipIf(!db)('Idempotency-Key: a keyed request is run again after a deadlock (PostgreSQL)', () => {
  let svc: TestService;
  let sql: pg.Client;
  let appId: string;
  const room = { name: 'keyed-retry', description: 'd', owner: 'alice', members: ['bob'] };

  beforeAll(async () => {
    svc = await startTestService({
      inMemory: false,
      env: { DATABASE_URL: db!.url },
      customize: (container) => {
        container
          .rebind<UnitOfWork>(TOKENS.UnitOfWork)
          .toResolvedValue((store: Database) => faulty(store), [TOKENS.Database]);
      },
    });
    await registerUsers(svc, 'alice', 'bob');
    sql = new pg.Client({ connectionString: db!.url });
    await sql.connect();
    appId = (await sql.query<{ id: string }>('SELECT id FROM apps WHERE org = $1 AND name = $2', [svc.org, svc.app]))
      .rows[0]!.id;
  }, 60_000);
  afterAll(async () => {
    await sql?.end();
    await svc?.close();
    await db?.drop();
  });
  beforeEach(() => {
    fault = null;
  });

  const create = (key?: string) =>
    svc.call('POST', svc.appPath('/chatrooms'), { body: room, headers: key ? { 'idempotency-key': key } : {} });
  const roomsNamed = async () =>
    (
      await sql.query<{ id: string }>('SELECT id FROM rooms WHERE app_id = $1 AND name = $2', [appId, room.name])
    ).rows.map((r) => r.id);
  const eventsOf = async (ids: string[]) =>
    (
      await sql.query<{ room_id: string; operation: string }>(
        'SELECT room_id, operation FROM room_events WHERE app_id = $1 AND room_id = any($2) ORDER BY seq',
        [appId, ids],
      )
    ).rows;
  const storedKeys = async (key: string) =>
    (await sql.query('SELECT status, body FROM idempotency_keys WHERE app_id = $1 AND key = $2', [appId, key])).rows;
  const retriesCounted = async () => {
    const metrics = await svc.container.getAsync<ServiceMetrics>(SERVICE_TOKENS.Metrics);
    const { values } = await metrics.unitOfWorkRetries.get();
    return values.find((v) => v.labels.sqlstate === '40P01')?.value ?? 0;
  };

  it('deadlocked on its first run: 200, the room and its events once, the response stored and replayed', async () => {
    const locks: [string, string] = [await createRoom(svc, 'alice'), await createRoom(svc, 'alice')];
    const before = await retriesCounted();
    const partner = await deadlockPartner(db!.url, appId, ...locks);
    fault = { deadlock: partner, rooms: locks };

    const first = await create('retry-1');
    await partner.done;

    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await retriesCounted()).toBe(before + 1); // it did deadlock, and was run again
    const ids = await roomsNamed();
    expect(ids).toEqual([first.body.data.id]);
    expect(await eventsOf(ids)).toEqual([
      { room_id: ids[0], operation: 'CREATE' },
      { room_id: ids[0], operation: 'JOIN' },
    ]);
    expect(await storedKeys('retry-1')).toEqual([{ status: 200, body: JSON.stringify(first.body) }]);

    const again = await create('retry-1');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    expect(await roomsNamed()).toEqual(ids);
  }, 30_000);

  it('conflicting on every run: the same error as without a key, nothing stored, and the key still free', async () => {
    const rooms = await roomsNamed();
    fault = 'conflict';
    const unkeyed = await create();
    const keyed = await create('retry-2');

    expect(unkeyed.status).toBe(503);
    expect(keyed.status).toBe(unkeyed.status);
    expect({ ...keyed.body, timestamp: 0, duration: 0 }).toEqual({ ...unkeyed.body, timestamp: 0, duration: 0 });
    expect(await roomsNamed()).toEqual(rooms);
    expect(await storedKeys('retry-2')).toEqual([]);

    fault = null;
    const later = await create('retry-2');
    expect(later.status).toBe(200);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(await roomsNamed()).toHaveLength(rooms.length + 1);
  }, 30_000);

  /** The store's unit of work, with `fault` applied to every write after its work. */
  function faulty(store: Database): UnitOfWork {
    const afterWork = async (r: Repositories) => {
      const now = fault;
      if (now === 'conflict') throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      if (now && store.idempotency?.active()) {
        fault = null; // once: the retried run goes through
        // The victim's side of deadlockPartner, inside the keyed transaction.
        await r.chatrooms.findByIdForUpdate(appId, now.rooms[0]);
        now.deadlock.victimHolds();
        await r.chatrooms.findByIdForUpdate(appId, now.rooms[1]);
      }
    };
    const uow: UnitOfWork = {
      // The commands as units of work through the faulty `write` (the keyed create runs there).
      get commands() {
        return new RoomCommandsOverUnits(uow);
      },
      read: (work) => store.uow.read(work),
      write: (work) =>
        store.uow.write(async (r) => {
          const value = await work(r);
          await afterWork(r);
          return value;
        }),
    };
    return uow;
  }
});
