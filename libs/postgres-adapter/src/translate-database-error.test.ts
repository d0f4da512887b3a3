import { errors, InvalidInputError, UnavailableError, type UserId } from '@chatroom/domain';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresAdapter } from './open-postgres-adapter.js';
import { adaptersUnderTest } from './test-support/adapters-under-test.js';
import { createTestDatabase } from './testing/create-test-database.js';
import { isRetryable, translateDatabaseError } from './translate-database-error.js';
import { seedApp, seedRoom, seedUsers } from '@chatroom/sql-store-kit/testing';

function dbError(code: string, message = 'boom', extra: object = {}): Error {
  return Object.assign(new Error(message), { code }, extra);
}

describe('translateDatabaseError', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })],
    ['a server shutting down (57P01)', dbError('57P01', 'terminating connection due to administrator command')],
    ['a connection exception (08006)', dbError('08006')],
    ['too many connections (53300)', dbError('53300')],
    ['a missing database (3D000)', dbError('3D000')],
    ['a deadlock that outlived the retries (40P01)', dbError('40P01')],
    [
      'a server still in recovery during a failover (25006)',
      dbError('25006', 'cannot execute nextval() in a read-only transaction'),
    ],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot hand out a connection', new Error('timeout exceeded when trying to connect')],
    ['a query with no answer within query_timeout', new Error('Query read timeout')],
  ])('%s becomes UnavailableError', (_, error) => {
    expect(translateDatabaseError(error)).toBeInstanceOf(UnavailableError);
  });

  it('another database error becomes a plain error naming only its SQLSTATE and constraint', () => {
    const cause = dbError('23505', 'duplicate key value violates unique constraint "users_pkey"', {
      constraint: 'users_pkey',
      detail: 'Key (app_id, username)=(x, secret-name) already exists.',
    });
    const translated = translateDatabaseError(cause) as Error;
    expect(translated.message).toBe('database error 23505 on users_pkey');
    expect(translated.cause).toBe(cause);
  });

  it.each([
    [
      'a NUL character (22021)',
      dbError('22021', 'invalid byte sequence for encoding "UTF8": 0x00', {
        where: "unnamed portal parameter $1 = '...'",
      }),
    ],
    ['an untranslatable character (22P05)', dbError('22P05', 'unsupported Unicode escape sequence')],
  ])('%s becomes invalid_parameter, without the database’s words', (_, error) => {
    const translated = translateDatabaseError(error);
    expect(translated).toBeInstanceOf(InvalidInputError);
    expect(translated).toMatchObject({
      code: 'InvalidParameter',
      message: 'text must not contain NUL characters or characters outside UTF-8',
    });
  });

  it('domain errors and errors that are not the database’s pass unchanged', () => {
    const domain = errors.chatroomNotFound('1');
    const bug = new TypeError('x is undefined');
    expect(translateDatabaseError(domain)).toBe(domain);
    expect(translateDatabaseError(bug)).toBe(bug);
  });

  it('only serialization failures and deadlocks are retried', () => {
    expect(isRetryable(dbError('40001'))).toBe(true);
    expect(isRetryable(dbError('40P01'))).toBe(true);
    expect(isRetryable(dbError('23503'))).toBe(true);
    expect(isRetryable(dbError('23505'))).toBe(false);
    expect(isRetryable(dbError('57P01'))).toBe(false);
  });
});

const database = await createTestDatabase();
afterAll(() => database?.drop());

describe('connection failures through the adapter', () => {
  it('opening on a server that does not answer gives UnavailableError', async () => {
    await expect(openPostgresAdapter({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' })).rejects.toBeInstanceOf(
      UnavailableError,
    );
  });

  it.skipIf(!database)(
    'a connection killed in the middle of a unit of work gives UnavailableError, and the adapter recovers',
    async () => {
      const adapter = await openPostgresAdapter({ databaseUrl: database!.url });
      try {
        const app = await seedApp(adapter.uow);
        const [owner] = await seedUsers(adapter.uow, app, 1);
        const room = await seedRoom(adapter, app, owner!);
        const write = adapter.uow.write(async (r) => {
          await r.chatrooms.findByIdForUpdate(app.id, room.id);
          await terminateBackendsOf(database!.url);
          await r.chatrooms.update(app.id, room.id, { name: 'never' });
        });
        await expect(write).rejects.toBeInstanceOf(UnavailableError);
        expect((await adapter.uow.read((r) => r.chatrooms.findById(app.id, room.id)))?.name).toBe(room.name);
      } finally {
        await adapter.close();
      }
    },
  );
});

/** Kills every other session on the database, as a server restart would. */
async function terminateBackendsOf(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
  } finally {
    await client.end();
  }
}

// What the unit test above assumes, checked against each real database: a NUL in any text
// parameter is refused with 22021, in writes and reads alike.
const dialects = await adaptersUnderTest();
afterAll(() => Promise.all(dialects.map((d) => d.cleanup())));

for (const dialect of dialects) {
  describe.skipIf(!dialect.available)(`${dialect.name}: text the database cannot store`, () => {
    it('a NUL in a write or a read gives invalid_parameter and changes nothing', async () => {
      const adapter = await dialect.open();
      try {
        const app = await seedApp(adapter.uow);
        const [owner] = await seedUsers(adapter.uow, app, 1);
        const room = await seedRoom(adapter, app, owner!);
        const invalid = { code: 'InvalidParameter' };
        await expect(
          adapter.uow.write((r) => r.chatrooms.update(app.id, room.id, { name: 'renamed', announcement: 'a\u0000b' })),
        ).rejects.toMatchObject(invalid);
        await expect(
          adapter.uow.write((r) =>
            r.roomAttributes.upsert(app.id, room.id, [{ key: 'k', value: '\u0000', owner: owner!, autoDelete: true }]),
          ),
        ).rejects.toMatchObject(invalid);
        await expect(
          adapter.uow.read((r) => r.users.findExisting(app.id, ['nul\u0000' as UserId])),
        ).rejects.toMatchObject(invalid);
        expect(await adapter.uow.read((r) => r.chatrooms.findById(app.id, room.id))).toMatchObject({ name: room.name });
        expect(await adapter.uow.read((r) => r.chatrooms.announcement(app.id, room.id))).toBe('');
      } finally {
        await adapter.close();
      }
    });
  });
}
