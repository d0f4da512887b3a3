import { auditCounters, CLEAN_AUDIT, createTestMariadbDatabase } from '@chatroom/mariadb-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../ports/database.js';
import { TOKENS } from '../ports/tokens.js';
import { createRoom, errorRow, registerMany, registerUsers } from '../testing/fixtures.js';
import { startTestService, type TestService } from '../testing/http-harness.js';
import { spawnService } from '../testing/spawn-service.js';
import { walkSevenOperations } from '../testing/walk-seven-operations.js';

// The service on MariaDB: the composition root picks the MariaDB adapter from the URL's scheme.
const db = await createTestMariadbDatabase();
/** Storms of requests, scrypt hashing and a child process, on a shared two-core machine. */
const SLOW_MS = 60_000;

describe.skipIf(!db)('the HTTP API on MariaDB (real adapters)', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({
      inMemory: false,
      env: { DATABASE_URL: db!.url, DB_POOL_SIZE: '10' },
      settings: { joinedRoomCap: 5 },
    });
  }, SLOW_MS);
  afterAll(async () => {
    await svc?.close();
    await db?.drop();
  }, SLOW_MS);

  it(
    'runs on the MariaDB store',
    async () => {
      const database = await svc.container.getAsync<Database>(TOKENS.Database);
      expect(database.kind).toBe('mariadb');
      expect((await svc.call('GET', '/ready')).status).toBe(200);
    },
    SLOW_MS,
  );

  it(
    'walks the seven operations with users and tokens',
    async () => {
      await walkSevenOperations(svc, {
        roomName: '大厅 🎉',
        beforeDissolve: async (id) => {
          expect(
            errorRow(
              await svc.call('POST', svc.appPath('/chatrooms'), {
                body: { name: 'n', description: 'd', owner: 'ann', roomid: id },
              }),
            ),
          ).toEqual({
            status: 400,
            error: 'illegal_argument',
            error_description: `group ID ${id} already exists!`,
          });
        },
      });
      expect(await auditCounters(db!.url)).toEqual(CLEAN_AUDIT);
    },
    SLOW_MS,
  );

  it(
    '120 parallel single additions into a room with maxusers 20 end with exactly 20 members, recounted in SQL',
    async () => {
      const joiners = await registerMany(svc, 'racer', 120);
      await registerUsers(svc, 'host');
      const id = await createRoom(svc, 'host', { maxusers: 20 });
      const results = await Promise.all(
        joiners.map((u) => svc.call('POST', svc.appPath(`/chatrooms/${id}/users/${u}`))),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(19);
      for (const refused of results.filter((r) => r.status !== 200)) {
        expect(errorRow(refused)).toEqual({
          status: 403,
          error: 'exceed_limit',
          error_description: 'members size is greater than max user size !',
        });
      }
      const room = (await svc.call('GET', svc.appPath(`/chatrooms/${id}`))).body.data[0];
      expect(room.affiliations_count).toBe(20);
      expect(room.affiliations).toHaveLength(20);
      expect(await auditCounters(db!.url)).toEqual(CLEAN_AUDIT);
    },
    SLOW_MS,
  );

  it(
    'parallel dissolves of one room: exactly one 200, the others 404',
    async () => {
      await registerUsers(svc, 'dis', 'dm');
      const id = await createRoom(svc, 'dis', { members: ['dm'] });
      const results = await Promise.all(
        Array.from({ length: 10 }, () => svc.call('DELETE', svc.appPath(`/chatrooms/${id}`))),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 404)).toHaveLength(9);
      expect((await svc.call('GET', svc.appPath('/users/dm/joined_chatrooms'))).body.count).toBe(0);
      expect(await auditCounters(db!.url)).toEqual(CLEAN_AUDIT);
    },
    SLOW_MS,
  );

  it(
    '`npm start` with DATABASE_URL=mariadb://… serves the same database: 60 joins split over two processes into a room for 15',
    async () => {
      const other = await spawnService({ DATABASE_URL: db!.url.replace(/^mysql:/, 'mariadb:'), LOG_LEVEL: 'info' });
      try {
        expect((await fetch(`${other.url}/ready`)).status).toBe(200);
        const joiners = await registerMany(svc, 'duo', 60);
        await registerUsers(svc, 'duohost');
        const id = await createRoom(svc, 'duohost', { maxusers: 15 });
        // The other process accepts this process's token: the key is stored with the app.
        const viaOther = (u: string) =>
          fetch(`${other.url}${svc.appPath(`/chatrooms/${id}/users/${u}`)}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${svc.token}` },
          }).then((r) => r.status);
        const statuses = await Promise.all(
          joiners.map((u, i) =>
            i % 2 === 0
              ? svc.call('POST', svc.appPath(`/chatrooms/${id}/users/${u}`)).then((r) => r.status)
              : viaOther(u),
          ),
        );
        expect(statuses.filter((s) => s === 200)).toHaveLength(14);
        expect(statuses.filter((s) => s === 403)).toHaveLength(46);
        const room = (await svc.call('GET', svc.appPath(`/chatrooms/${id}`))).body.data[0];
        expect(room.affiliations_count).toBe(15);
        expect(await auditCounters(db!.url)).toEqual(CLEAN_AUDIT);
      } finally {
        await other.stop();
      }
    },
    SLOW_MS,
  );
});
