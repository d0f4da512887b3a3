import type { IdempotencyRunner, IdempotentRequest } from '@chatroom/domain';
import { sql } from 'kysely';
import { PostgresEventOutbox } from './postgres-event-outbox.js';
import type { Kysely } from 'kysely';
import type { KeyedTransactions } from './keyed-transactions.js';
import type { Database } from './schema/database.js';
import { retryOnConflict, type OnRetry } from './conflict-retries.js';

/**
 * One transaction around a keyed request: a transaction-scoped advisory lock on (app, key)
 * (not granted → another request with that key is running: `in-progress`), the stored
 * response if a live one exists, else the request itself — whose units of work join this
 * transaction (KeyedTransactions) — and its response, committed with its change and events.
 * The units do not retry inside it (a conflict aborts the whole transaction), so on a conflict
 * the whole transaction — lock, lookup, request, store — runs again under the unit of work's
 * policy (retryOnConflict, same `onRetry`), calling `request.run()` again.
 */
export class PostgresIdempotencyRunner implements IdempotencyRunner {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly keyed: KeyedTransactions,
    private readonly onRetry?: OnRetry,
    private readonly onEventsCommitted: () => void = () => {},
  ) {}

  active(): boolean {
    return this.keyed.current() !== undefined;
  }

  execute(appId: string, key: string, ttlMs: number, request: IdempotentRequest): Promise<'done' | 'in-progress'> {
    return retryOnConflict(() => this.attempt(appId, key, ttlMs, request), this.onRetry);
  }

  private async attempt(
    appId: string,
    key: string,
    ttlMs: number,
    request: IdempotentRequest,
  ): Promise<'done' | 'in-progress'> {
    let stored = false;
    const outcome = await this.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ ok: boolean }>`
        SELECT pg_try_advisory_xact_lock(hashtextextended(${`${appId}/${key}`}, 1162)) AS ok
      `.execute(trx);
      if (!rows[0]!.ok) return 'in-progress' as const;
      const live = await trx
        .selectFrom('idempotency_keys')
        .select(['fingerprint', 'status', 'body'])
        .where('app_id', '=', appId)
        .where('key', '=', key)
        .where('created_at', '>', Date.now() - ttlMs)
        .executeTakeFirst();
      if (live) {
        await request.replay(live);
        return 'done' as const;
      }
      const events = new PostgresEventOutbox(trx);
      const response = await this.keyed.run({ trx, events }, () => request.run());
      if (response) {
        await trx
          .insertInto('idempotency_keys')
          .values({ app_id: appId, key, ...response, created_at: Date.now() })
          .onConflict((oc) =>
            oc.columns(['app_id', 'key']).doUpdateSet((eb) => ({
              fingerprint: eb.ref('excluded.fingerprint'),
              status: eb.ref('excluded.status'),
              body: eb.ref('excluded.body'),
              created_at: eb.ref('excluded.created_at'),
            })),
          )
          .execute();
      }
      stored = await events.flush();
      return 'done' as const;
    });
    if (stored) this.onEventsCommitted();
    return outcome;
  }
}
