import {
  roomEvents,
  UnavailableError,
  type App,
  type IdempotentRequest,
  type StoredResponse,
  type UserId,
} from '@chatroom/domain';
import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlUrl } from './mariadb-dialect.js';
import { openMariadbAdapter, type MariadbAdapter } from './open-mariadb-adapter.js';
import { createTestMariadbDatabase } from './testing/create-test-database.js';
import { seedApp } from '@chatroom/sql-store-kit/testing';

// The Idempotency-Key runner on MariaDB, through two adapters (two pools, as two processes).
const database = await createTestMariadbDatabase();
const DAY_MS = 86_400_000;

const user = (app: App, username: string) => ({
  appId: app.id,
  username: username as UserId,
  uuid: randomUUID(),
  passwordHash: 'h',
  nickname: null,
  created: Date.now(),
  modified: Date.now(),
});

describe.skipIf(!database)('mariadb: idempotency keys', () => {
  let a: MariadbAdapter;
  let b: MariadbAdapter;
  const retries: string[] = [];
  beforeAll(async () => {
    a = await openMariadbAdapter({
      databaseUrl: database!.url,
      poolSize: 4,
      onRetry: (_n, code) => retries.push(code),
    });
    b = await openMariadbAdapter({ databaseUrl: database!.url, poolSize: 4 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  /** A request that registers `names` through the unit of work (joining the keyed transaction) and answers 200. */
  function registering(
    adapter: MariadbAdapter,
    app: App,
    names: string[],
    before: (run: number) => Promise<void> = async () => {},
  ) {
    const calls = { run: 0, replayed: [] as StoredResponse[] };
    const request: IdempotentRequest = {
      replay: async (stored) => void calls.replayed.push(stored),
      run: async () => {
        calls.run += 1;
        await before(calls.run);
        await adapter.uow.write(async (r) => {
          expect(adapter.idempotency.active()).toBe(true);
          await r.users.insertMany(names.map((n) => user(app, n)));
          r.events.append(...roomEvents.joined(app, 'room', names as UserId[], 2));
        });
        return { fingerprint: `f-${names.join()}`, status: 200, body: `{"run":${calls.run}}` };
      },
    };
    return { calls, request };
  }
  const NAMES = ['ann', 'bob', 'cat', 'dan', 'eve', 'fay', 'gus', 'hal', 'ivy'] as UserId[];
  const usernames = async (app: App) => (await a.uow.read((r) => r.users.findExisting(app.id, NAMES))).sort();
  const events = async (app: App) => (await a.uow.read((r) => r.eventLog.roomPage(app.id, 'room', 100))).length;

  it('stores the first response with its change and events; a repeat on another pool replays it without running', async () => {
    const app = await seedApp(a.uow);
    const first = registering(a, app, ['ann']);
    expect(await a.idempotency.execute(app.id, 'k1', DAY_MS, first.request)).toBe('done');
    const repeat = registering(b, app, ['ann']);
    expect(await b.idempotency.execute(app.id, 'k1', DAY_MS, repeat.request)).toBe('done');
    expect(repeat.calls).toEqual({ run: 0, replayed: [{ fingerprint: 'f-ann', status: 200, body: '{"run":1}' }] });
    // Keys are per app, and a key older than its time to live is free again.
    const other = await seedApp(a.uow);
    const elsewhere = registering(a, other, ['ann']);
    expect(await a.idempotency.execute(other.id, 'k1', DAY_MS, elsewhere.request)).toBe('done');
    expect(elsewhere.calls.run).toBe(1);
    const expired = registering(a, app, ['bob']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await a.idempotency.execute(app.id, 'k1', 10, expired.request);
    expect(expired.calls.run).toBe(1);
    expect(await usernames(app)).toEqual(['ann', 'bob']);
    expect(a.idempotency.active()).toBe(false);
  });

  it('a repeat while the first still runs is in-progress at once, on either pool; then it replays', async () => {
    const app = await seedApp(a.uow);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = registering(a, app, ['cat'], () => gate);
    const running = a.idempotency.execute(app.id, 'k2', DAY_MS, slow.request);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    for (const adapter of [a, b])
      expect(await adapter.idempotency.execute(app.id, 'k2', DAY_MS, registering(adapter, app, ['cat']).request)).toBe(
        'in-progress',
      );
    expect(Date.now() - started).toBeLessThan(1000);
    release();
    expect(await running).toBe('done');
    const after = registering(b, app, ['cat']);
    expect(await b.idempotency.execute(app.id, 'k2', DAY_MS, after.request)).toBe('done');
    expect(after.calls.replayed).toHaveLength(1);
  });

  it('a failed request stores nothing and rolls its change back; the key is free for the next one', async () => {
    const app = await seedApp(a.uow);
    const failing = registering(a, app, ['dan'], async () => {});
    const request: IdempotentRequest = {
      ...failing.request,
      run: async () => {
        await failing.request.run();
        throw new Error('the handler failed');
      },
    };
    await expect(a.idempotency.execute(app.id, 'k3', DAY_MS, request)).rejects.toThrow('the handler failed');
    expect(failing.calls.run).toBe(1); // not a database conflict: not run again
    expect(await usernames(app)).toEqual([]);
    expect(await events(app)).toBe(0);
    const next = registering(b, app, ['dan']);
    await b.idempotency.execute(app.id, 'k3', DAY_MS, next.request);
    expect(next.calls.run).toBe(1);
    expect(await usernames(app)).toEqual(['dan']);
  });

  it('a room command under a keyed request joins its transaction: a request failing after it leaves no room', async () => {
    const app = await seedApp(a.uow);
    await a.uow.write((r) => r.users.insertMany([user(app, 'ivy')]));
    const creating = (roomId: string, fail: boolean): IdempotentRequest => ({
      replay: async () => {},
      run: async () => {
        const outcome = await a.uow.commands.createRoom({
          room: {
            appId: app.id,
            id: roomId,
            name: 'keyed',
            description: '',
            maxUsers: 10,
            owner: 'ivy' as UserId,
            custom: '',
            created: Date.now(),
            muteAll: false,
          },
          members: [],
          roomQuota: 10,
          joinedRoomCap: 10,
          created: roomEvents.joined(app, '', ['ivy' as UserId], 1),
        });
        expect(outcome).toEqual({ id: roomId });
        if (fail) throw new Error('the handler failed');
        return { fingerprint: roomId, status: 200, body: '{}' };
      },
    });
    const rooms = async (id: string) => (await a.uow.read((r) => r.chatrooms.findByIds(app.id, [id]))).length;
    await expect(a.idempotency.execute(app.id, 'k6', DAY_MS, creating('gone', true))).rejects.toThrow('failed');
    expect(await rooms('gone')).toBe(0);
    expect(await a.idempotency.execute(app.id, 'k7', DAY_MS, creating('kept', false))).toBe('done');
    expect(await rooms('kept')).toBe(1);
  });

  it('a real deadlock re-runs the whole keyed request: the first run rolled back, its change and events stored once', async () => {
    const app = await seedApp(a.uow);
    const other = await createConnection({ uri: mysqlUrl(database!.url) });
    retries.length = 0;
    try {
      const keyed = registering(a, app, ['eve', 'fay'], async (run) => {
        if (run > 1) return;
        // The keyed transaction holds 'gus'; the other one holds 'hal' and more rows (so that
        // InnoDB picks the keyed one as the victim); each then asks for the other's row.
        await a.uow.write(async (r) => r.users.insertMany([user(app, 'gus')]));
        await other.query('BEGIN');
        await other.query(
          'INSERT INTO users (app_id, username, uuid, password_hash, created, modified) VALUES ' +
            Array.from({ length: 20 }, (_, i) => `('${app.id}', 'pad${i}', UUID(), 'h', 0, 0)`).join(', '),
        );
        await other.query(
          `INSERT INTO users (app_id, username, uuid, password_hash, created, modified) VALUES ('${app.id}', 'hal', UUID(), 'h', 0, 0)`,
        );
        const keyedWaits = a.uow.write(async (r) => r.users.insertMany([user(app, 'hal')]));
        await new Promise((resolve) => setTimeout(resolve, 300));
        const otherWaits = other.query(
          `INSERT INTO users (app_id, username, uuid, password_hash, created, modified) VALUES ('${app.id}', 'gus', UUID(), 'h', 0, 0)`,
        );
        try {
          await keyedWaits;
        } finally {
          await otherWaits.catch(() => {});
          await other.query('ROLLBACK');
        }
      });
      expect(await a.idempotency.execute(app.id, 'k4', DAY_MS, keyed.request)).toBe('done');
      expect(keyed.calls.run).toBe(2);
      expect(retries).toEqual(['ER_LOCK_DEADLOCK']);
      expect(await usernames(app)).toEqual(['eve', 'fay']);
      expect(await events(app)).toBe(1);
      const repeat = registering(b, app, ['eve', 'fay']);
      await b.idempotency.execute(app.id, 'k4', DAY_MS, repeat.request);
      expect(repeat.calls.replayed).toEqual([{ fingerprint: 'f-eve,fay', status: 200, body: '{"run":2}' }]);
    } finally {
      await other.end();
    }
  });

  it('gives up after five runs that all deadlock: unavailable, nothing stored', async () => {
    const app = await seedApp(a.uow);
    const deadlocked = registering(a, app, ['ivy'], async () => {
      throw Object.assign(new Error('Deadlock found when trying to get lock'), {
        errno: 1213,
        sqlState: '40001',
        code: 'ER_LOCK_DEADLOCK',
      });
    });
    await expect(a.idempotency.execute(app.id, 'k5', DAY_MS, deadlocked.request)).rejects.toBeInstanceOf(
      UnavailableError,
    );
    expect(deadlocked.calls.run).toBe(5);
    const next = registering(b, app, ['ivy']);
    await b.idempotency.execute(app.id, 'k5', DAY_MS, next.request);
    expect(next.calls.run).toBe(1);
  });
});
