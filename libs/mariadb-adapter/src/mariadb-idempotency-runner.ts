import type { IdempotencyRunner, IdempotentRequest } from '@chatroom/domain';
import { sql, type Kysely } from 'kysely';
import type { KeyedTransactions } from './keyed-transactions.js';
import { MariadbEventOutbox } from './mariadb-event-outbox.js';
import { MAX_ATTEMPTS, pause } from './write-retries.js';
import type { Database } from './schema/database.js';
import { isRetryable, translateDatabaseError } from './translate-database-error.js';

/**
 * A keyed request holds a named lock on (database, app, key) for its whole run: GET_LOCK with a
 * zero timeout, so a second request with the key is told `in-progress` at once instead of
 * waiting. GET_LOCK names are server-wide and at most 64 characters: the name is a hash.
 */
const lockName = (appId: string, key: string) =>
  sql`CONCAT('chatroom-idem:', LEFT(SHA2(CONCAT(DATABASE(), '/', ${appId}, '/', ${key}), 256), 48))`;

/**
 * One transaction around a keyed request, on one connection that holds the key's named lock
 * (not granted → another request with that key is running: `in-progress`): the stored
 * response if a live one exists, else the request itself — whose units of work join this
 * transaction (KeyedTransactions) — and its response, committed with its change and events.
 * The lock is a session lock, not a transactional one: taken before BEGIN, released after the
 * commit (or rollback), so a repeat arriving after the release finds the response stored; a
 * connection that dies releases it with its session.
 * Like the unit of work, the whole keyed transaction runs again (the request's `run()` with it)
 * after a deadlock (1213: InnoDB has rolled all of it back) or a foreign-key race (1451/1452),
 * up to MAX_ATTEMPTS runs, still under the same lock; a lock wait timeout (1205) is not, for
 * the unit of work's reasons (translate-database-error.ts).
 */
export class MariadbIdempotencyRunner implements IdempotencyRunner {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly keyed: KeyedTransactions,
    private readonly onEventsCommitted: () => void = () => {},
    private readonly onRetry: (attempt: number, code: string) => void = () => {},
  ) {}

  active(): boolean {
    return this.keyed.getStore() !== undefined;
  }

  async execute(
    appId: string,
    key: string,
    ttlMs: number,
    request: IdempotentRequest,
  ): Promise<'done' | 'in-progress'> {
    try {
      return await this.db.connection().execute(async (conn) => {
        const { rows } = await sql<{ got: number | null }>`SELECT GET_LOCK(${lockName(appId, key)}, 0) AS got`.execute(
          conn,
        );
        if (Number(rows[0]?.got) !== 1) return 'in-progress';
        try {
          for (let attempt = 1; ; attempt++) {
            try {
              return await this.attempt(conn, appId, key, ttlMs, request);
            } catch (error) {
              if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
              this.onRetry(attempt, String((error as { code?: unknown }).code));
              await pause(attempt);
            }
          }
        } finally {
          // A failed release means a dead connection, whose session (and lock) the server ends.
          await sql`SELECT RELEASE_LOCK(${lockName(appId, key)})`.execute(conn).catch(() => {});
        }
      });
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }

  private async attempt(
    conn: Kysely<Database>,
    appId: string,
    key: string,
    ttlMs: number,
    request: IdempotentRequest,
  ): Promise<'done'> {
    let stored = false;
    await conn.transaction().execute(async (trx) => {
      const live = await trx
        .selectFrom('idempotency_keys')
        .select(['fingerprint', 'status', 'body'])
        .where('app_id', '=', appId)
        .where('key', '=', key)
        .where('created_at', '>', Date.now() - ttlMs)
        .executeTakeFirst();
      if (live) return request.replay({ ...live, status: Number(live.status) });
      const events = new MariadbEventOutbox(trx);
      const response = await this.keyed.run({ trx, events }, () => request.run());
      if (response) {
        await trx
          .insertInto('idempotency_keys')
          .values({ app_id: appId, key, ...response, created_at: Date.now() })
          // An expired row of the same key is replaced.
          .onDuplicateKeyUpdate({
            fingerprint: sql`VALUES(fingerprint)`,
            status: sql`VALUES(status)`,
            body: sql`VALUES(body)`,
            created_at: sql`VALUES(created_at)`,
          })
          .execute();
      }
      stored = await events.flush();
    });
    if (stored) this.onEventsCommitted();
    return 'done';
  }
}
