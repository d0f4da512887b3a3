import { createTestMariadbDatabase } from '@chatroom/mariadb-adapter/testing';
import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import { createConnection } from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillSource } from '../testing/easemob-source-rooms.js';
import { startTestService, type TestService } from '../testing/http-harness.js';
import { spawnAdmin, startAdmin } from '../testing/spawn-admin.js';

const postgres = await createTestDatabase();
const mariadb = await createTestMariadbDatabase();
afterAll(async () => {
  await postgres?.drop();
  await mariadb?.drop();
});

/** Plain rooms beyond the six shapes, so that a kill lands midway. */
const EXTRA_ROOMS = 40;

let source: TestService;
beforeAll(async () => {
  source = await startTestService({ settings: { customRoomIds: true, joinedRoomCap: 100 } });
  // The target runs on the system clock: the source's mutes must end in the same present.
  source.deps!.clock.advance(Date.now() - source.deps!.clock.now());
  const issued = await source.call('POST', source.appPath('/token'), {
    token: null,
    body: { grant_type: 'client_credentials', client_id: source.clientId, client_secret: source.clientSecret },
  });
  (source as { token: string }).token = issued.body.access_token;
  await fillSource(source, 1_100);
  for (let i = 0; i < EXTRA_ROOMS; i++) {
    const r = await source.call('POST', source.appPath('/chatrooms'), {
      body: { name: `room ${i}`, description: 'plain', owner: 'alice', members: ['bob', 'carol'] },
    });
    expect(r.status).toBe(200);
  }
}, 180_000);
afterAll(() => source?.close());

interface Target {
  readonly url: string;
  /** Rooms recorded by the import so far. */
  recorded(): Promise<number>;
  /** [room id, CREATE events] of rooms created more than once; and events not marked imported. */
  doubles(): Promise<{ rooms: unknown[]; unmarked: number }>;
}

const TARGET = ['--org', 'acme', '--app', 'moved'];
const args = (...extra: string[]) => [
  'import',
  'easemob',
  ...TARGET,
  '--from',
  `${source.url}/${source.org}/${source.app}`,
  '--client-id',
  source.clientId,
  '--client-secret',
  source.clientSecret,
  ...extra,
];

function pgTarget(url: string): Target {
  const query = async (text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    url,
    recorded: async () => Number((await query('SELECT count(*) AS n FROM import_rooms'))[0].n),
    doubles: async () => ({
      rooms: await query(
        `SELECT room_id, count(*) FROM room_events WHERE operation = 'CREATE' GROUP BY room_id HAVING count(*) > 1`,
      ),
      unmarked: Number(
        (
          await query(
            `SELECT count(*) AS n FROM room_events WHERE room_id <> '' AND NOT coalesce((payload->>'imported')::boolean, false)`,
          )
        )[0].n,
      ),
    }),
  };
}

function mariadbTarget(url: string): Target {
  const query = async (text: string) => {
    const conn = await createConnection(url.replace(/^mariadb:/, 'mysql:'));
    try {
      return (await conn.query(text))[0] as Record<string, unknown>[];
    } finally {
      await conn.end();
    }
  };
  return {
    url,
    recorded: async () => Number((await query('SELECT count(*) AS n FROM import_rooms'))[0]!.n),
    doubles: async () => ({
      rooms: await query(
        `SELECT room_id, count(*) FROM room_events WHERE operation = 'CREATE' GROUP BY room_id HAVING count(*) > 1`,
      ),
      unmarked: Number(
        (
          await query(
            `SELECT count(*) AS n FROM room_events WHERE room_id <> '' AND NOT coalesce(JSON_EXTRACT(payload, '$.imported') = true, false)`,
          )
        )[0]!.n,
      ),
    }),
  };
}

/** Each store's run changes plain rooms of its own in the shared source: `room <changed>` to `room <changed + 3>`. */
const targets: [string, () => Target | null, number][] = [
  ['PostgreSQL', () => (postgres ? pgTarget(postgres.url) : null), 10],
  ['MariaDB', () => (mariadb ? mariadbTarget(mariadb.url) : null), 20],
];

describe.each(targets)('import easemob into %s, as a process', (_name, make, changed) => {
  const target = make();
  it.skipIf(!target)(
    'killed midway (SIGKILL) and run again: resumes, no room imported twice, 0 mismatches; after source changes a third run is back to 0',
    async () => {
      const env = { DATABASE_URL: target!.url };
      expect((await spawnAdmin(['apps', 'create', ...TARGET], env)).code).toBe(0);

      const first = startAdmin(args('--rate', '40'), env);
      const deadline = Date.now() + 90_000;
      while ((await target!.recorded()) < 8) {
        if (Date.now() > deadline) throw new Error(`no progress: ${(await first.done.catch(() => null))?.stderr}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      first.child.kill('SIGKILL');
      const killed = await first.done;
      expect(killed.code).toBe(null);
      const recordedAtKill = await target!.recorded();
      expect(recordedAtKill).toBeLessThan(6 + EXTRA_ROOMS);

      const resumed = await spawnAdmin(args('--rate', 'off'), env);
      expect(resumed.stderr, resumed.stdout).toMatch(/0 refused, 0 gone; 0 mismatches/);
      expect(resumed.code).toBe(0);
      const report = JSON.parse(resumed.stdout);
      expect(report).toMatchObject({ run: 1, resumed: true, mismatch_count: 0 });
      expect(report.rooms.already_done).toBeGreaterThanOrEqual(recordedAtKill - 1);
      expect(report.rooms.already_done + report.rooms.imported + report.rooms.changed + report.rooms.unchanged).toBe(
        6 + EXTRA_ROOMS,
      );
      expect(await target!.doubles()).toEqual({ rooms: [], unmarked: 0 });

      const listed = (await source.call('GET', source.appPath('/chatrooms?limit=100'))).body.data as {
        id: string;
        name: string;
      }[];
      const rooms = Object.fromEntries(listed.map((r) => [r.name, r]));
      const ok = async (method: string, path: string, body?: unknown) =>
        expect((await source.call(method, source.appPath(path), body === undefined ? {} : { body })).status).toBe(200);
      await ok('DELETE', `/chatrooms/${rooms[`room ${changed}`]!.id}`);
      await ok('PUT', `/chatrooms/${rooms[`room ${changed + 1}`]!.id}`, { newowner: 'bob' });
      await ok('POST', `/chatrooms/${rooms[`room ${changed + 2}`]!.id}/users`, { usernames: ['dave', 'erin'] });
      await ok('DELETE', `/chatrooms/${rooms[`room ${changed + 3}`]!.id}/users/carol`);
      await ok('POST', '/chatrooms', { name: 'late', description: 'after the cut', owner: 'erin' });
      const third = await spawnAdmin(args('--rate', 'off'), env);
      expect(third.stderr).toMatch(/0 mismatches/);
      expect(third.code).toBe(0);
      expect(JSON.parse(third.stdout)).toMatchObject({
        run: 2,
        resumed: false,
        rooms: { imported: 1, changed: 3, gone: 1, refused: 0 },
      });
      expect((await target!.doubles()).rooms).toEqual([]);
    },
    600_000,
  );
});
