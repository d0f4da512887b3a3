import { InvalidInputError, UnavailableError, type UserId } from '@chatroom/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { openMariadbAdapter } from './open-mariadb-adapter.js';
import { createTestMariadbDatabase } from './testing/create-test-database.js';
import { isRetryable, translateDatabaseError } from './translate-database-error.js';
import { seedApp, seedRoom, seedUsers } from '@chatroom/sql-store-kit/testing';

/** An error as mysql2 makes it for a server error: errno, code, sqlState, and the statement in `sql`. */
function serverError(errno: number, code: string, sqlState = 'HY000', message = 'boom'): Error {
  return Object.assign(new Error(message), { errno, code, sqlState, sqlMessage: message, sql: 'SELECT secret' });
}

describe('translateDatabaseError (MariaDB)', () => {
  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', errno: -111 }),
    ],
    [
      'a lost connection',
      Object.assign(new Error('Connection lost: The server closed the connection.'), {
        code: 'PROTOCOL_CONNECTION_LOST',
        fatal: true,
      }),
    ],
    [
      'a query with no answer within its timeout',
      Object.assign(new Error('Query inactivity timeout'), { code: 'PROTOCOL_SEQUENCE_TIMEOUT' }),
    ],
    ['a closed pool', new Error('Pool is closed.')],
    ['a lock wait timeout (1205)', serverError(1205, 'ER_LOCK_WAIT_TIMEOUT')],
    ['a deadlock that outlived the retries (1213)', serverError(1213, 'ER_LOCK_DEADLOCK', '40001')],
    ['too many connections (1040)', serverError(1040, 'ER_CON_COUNT_ERROR', '08004')],
    ['an unknown database (1049)', serverError(1049, 'ER_BAD_DB_ERROR', '42000')],
    ['a server shutting down (1053)', serverError(1053, 'ER_SERVER_SHUTDOWN', '08S01')],
  ])('%s becomes UnavailableError', (_, error) => {
    expect(translateDatabaseError(error)).toBeInstanceOf(UnavailableError);
  });

  it('another database error becomes a plain error naming only its number and code, the original as cause', () => {
    const cause = serverError(1062, 'ER_DUP_ENTRY', '23000', "Duplicate entry 'x-secret-name' for key 'PRIMARY'");
    const translated = translateDatabaseError(cause) as Error;
    expect(translated.message).toBe('database error 1062 ER_DUP_ENTRY');
    expect(translated.cause).toBe(cause);
  });

  it('text the column cannot store (1366) is the caller’s invalid parameter', () => {
    expect(translateDatabaseError(serverError(1366, 'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD'))).toBeInstanceOf(
      InvalidInputError,
    );
  });

  it('runs again after deadlocks and foreign-key races only', () => {
    expect(isRetryable(serverError(1213, 'ER_LOCK_DEADLOCK', '40001'))).toBe(true);
    expect(isRetryable(serverError(1452, 'ER_NO_REFERENCED_ROW_2', '23000'))).toBe(true);
    expect(isRetryable(serverError(1451, 'ER_ROW_IS_REFERENCED_2', '23000'))).toBe(true);
    expect(isRetryable(serverError(1205, 'ER_LOCK_WAIT_TIMEOUT'))).toBe(false);
    expect(isRetryable(serverError(1062, 'ER_DUP_ENTRY', '23000'))).toBe(false);
  });
});

const database = await createTestMariadbDatabase();
afterAll(() => database?.drop());

describe.skipIf(!database)('mariadb: database errors at the boundary', () => {
  it('a server that does not answer gives UnavailableError at start-up', async () => {
    await expect(openMariadbAdapter({ databaseUrl: 'mysql://root@127.0.0.1:1/test' })).rejects.toBeInstanceOf(
      UnavailableError,
    );
  });

  it('a statement the database refuses surfaces without its SQL text or values', async () => {
    const adapter = await openMariadbAdapter({ databaseUrl: database!.url, poolSize: 2 });
    try {
      const app = await seedApp(adapter.uow);
      const [owner] = await seedUsers(adapter.uow, app, 1, 'secretname');
      const room = await seedRoom(adapter, app, owner!);
      // maxusers 0 breaks the CHECK constraint (the domain never asks for it).
      const error = (await adapter.uow
        .write((r) => r.chatrooms.update(app.id, room.id, { maxUsers: 0 }))
        .catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/^database error 4025 /);
      expect(error.message).not.toMatch(/UPDATE|rooms|secretname/i);
      // A user still in a room cannot be deleted (no cascade from memberships): retried, then refused.
      const kept = (await adapter.uow
        .write((r) => r.users.delete(app.id, owner as UserId))
        .catch((e: unknown) => e)) as Error;
      expect(kept.message).toMatch(/^database error 1451 /);
    } finally {
      await adapter.close();
    }
  });
});
