import {
  CreateChatroom,
  ManualClock,
  UnavailableError,
  type App,
  type IdempotentRequest,
  type StoredResponse,
} from '@chatroom/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONFLICT_ATTEMPTS } from './conflict-retries.js';
import { openPostgresAdapter, type PostgresAdapter } from './open-postgres-adapter.js';
import { createTestDatabase } from './testing/create-test-database.js';
import { deadlockPartner } from './testing/forced-deadlock.js';
import { seedApp, seedRoom, seedUsers } from '@chatroom/sql-store-kit/testing';

// A keyed request (PostgresIdempotencyRunner) whose transaction hits a conflict is run again whole,
// like a unit of work, on real PostgreSQL: a rolled-back run leaves nothing behind.
const database = await createTestDatabase();

const TTL = 60_000;

describe.skipIf(!database)('postgres: a keyed request is run again after a conflict', () => {
  let adapter: PostgresAdapter;
  let sql: pg.Client;
  const heard: [number, string][] = [];

  beforeAll(async () => {
    adapter = await openPostgresAdapter({
      databaseUrl: database!.url,
      onRetry: (attempt, state) => heard.push([attempt, state]),
    });
    sql = new pg.Client({ connectionString: database!.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await adapter?.close();
    await database?.drop();
  });

  /** What the database holds for the app: rooms by name, events, stored responses. */
  async function stateOf(app: App) {
    const rooms = await sql.query<{ id: string }>(`SELECT id FROM rooms WHERE app_id = $1 AND name = 'keyed'`, [
      app.id,
    ]);
    const events = await sql.query<{ room_id: string; operation: string }>(
      'SELECT room_id, operation FROM room_events WHERE app_id = $1 ORDER BY seq',
      [app.id],
    );
    const keys = await sql.query<{ key: string; body: string }>(
      'SELECT key, body FROM idempotency_keys WHERE app_id = $1',
      [app.id],
    );
    return { rooms: rooms.rows.map((r) => r.id), events: events.rows, keys: keys.rows };
  }

  /** A request that creates a room (CREATE and JOIN events) and answers with its id. */
  function creating(app: App, owner: string, member: string, afterWork: (run: number) => Promise<void>) {
    const create = new CreateChatroom({ uow: adapter.uow, clock: new ManualClock() });
    const replayed: StoredResponse[] = [];
    let runs = 0;
    const request: IdempotentRequest = {
      replay: async (stored) => {
        replayed.push(stored);
      },
      run: async () => {
        runs++;
        const { id } = await create.execute(app, { name: 'keyed', description: '', owner, members: [member] });
        await afterWork(runs);
        return { fingerprint: 'f', status: 200, body: JSON.stringify({ id }) };
      },
    };
    return { request, replayed, runs: () => runs };
  }

  it('a deadlock on the first run: the whole request runs again and commits its change, events and response once', async () => {
    const app = await seedApp(adapter.uow);
    const [owner, member] = await seedUsers(adapter.uow, app, 2);
    const [first, second] = [await seedRoom(adapter, app, owner!), await seedRoom(adapter, app, owner!)];
    const partner = await deadlockPartner(database!.url, app.id, first.id, second.id);
    heard.length = 0;
    const keyed = creating(app, owner!, member!, async (run) => {
      if (run > 1) return;
      // Inside the keyed transaction, after the room was written: lock one room, then the other.
      await adapter.uow.write(async (r) => {
        await r.chatrooms.findByIdForUpdate(app.id, first.id);
        partner.victimHolds();
        await r.chatrooms.findByIdForUpdate(app.id, second.id);
      });
    });

    expect(await adapter.idempotency.execute(app.id, 'k-deadlock', TTL, keyed.request)).toBe('done');
    await partner.done;

    expect(keyed.runs()).toBe(2);
    expect(heard).toEqual([[2, '40P01']]);
    const state = await stateOf(app);
    expect(state.rooms).toHaveLength(1);
    const [room] = state.rooms;
    expect(state.events).toEqual([
      { room_id: room, operation: 'CREATE' },
      { room_id: room, operation: 'JOIN' },
    ]);
    expect(state.keys).toEqual([{ key: 'k-deadlock', body: JSON.stringify({ id: room }) }]);

    // A repeat replays the stored response and runs nothing.
    const again = creating(app, owner!, member!, async () => {});
    expect(await adapter.idempotency.execute(app.id, 'k-deadlock', TTL, again.request)).toBe('done');
    expect(again.runs()).toBe(0);
    expect(again.replayed).toEqual([{ fingerprint: 'f', status: 200, body: JSON.stringify({ id: room }) }]);
  }, 30_000);

  it('a conflict on every run: retried as often as a unit of work, then the error the client gets, and nothing stored', async () => {
    const app = await seedApp(adapter.uow);
    const [owner, member] = await seedUsers(adapter.uow, app, 2);
    heard.length = 0;
    const keyed = creating(app, owner!, member!, () =>
      Promise.reject(Object.assign(new Error('deadlock detected'), { code: '40P01' })),
    );

    await expect(adapter.idempotency.execute(app.id, 'k-exhausted', TTL, keyed.request)).rejects.toBeInstanceOf(
      UnavailableError,
    );

    expect(keyed.runs()).toBe(MAX_CONFLICT_ATTEMPTS);
    expect(heard).toEqual(Array.from({ length: MAX_CONFLICT_ATTEMPTS - 1 }, (_, i) => [i + 2, '40P01']));
    expect(await stateOf(app)).toEqual({ rooms: [], events: [], keys: [] });
  });

  it('an error that is not a conflict is not retried', async () => {
    const app = await seedApp(adapter.uow);
    const [owner, member] = await seedUsers(adapter.uow, app, 2);
    heard.length = 0;
    const keyed = creating(app, owner!, member!, () => Promise.reject(new Error('a bug')));

    await expect(adapter.idempotency.execute(app.id, 'k-bug', TTL, keyed.request)).rejects.toThrow('a bug');
    expect(keyed.runs()).toBe(1);
    expect(heard).toEqual([]);
    expect(await stateOf(app)).toEqual({ rooms: [], events: [], keys: [] });
  });
});
