import type { EventRule, EventRuleStore } from '@chatroom/domain';
import { sql, type Kysely } from 'kysely';
import { toRule } from './postgres-delivery-queue.js';
import type { Database } from './schema/database.js';
import type { KeyedTransactions } from './keyed-transactions.js';

export class PostgresEventRuleStore implements EventRuleStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly keyed?: KeyedTransactions,
  ) {}

  /** A change joins the transaction of a keyed request (Idempotency-Key), so its answer is stored with it. */
  private writer(): Kysely<Database> {
    return this.keyed?.current()?.trx ?? this.db;
  }

  async add(rule: EventRule): Promise<void> {
    await this.db
      .insertInto('event_rules')
      .values({
        id: rule.id,
        app_id: rule.appId,
        kind: rule.kind,
        target: rule.target,
        secret: rule.secret,
        operations: rule.operations === null ? null : [...rule.operations],
        created: rule.created,
      })
      .execute();
  }

  async list(appId?: string): Promise<EventRule[]> {
    let query = this.db.selectFrom('event_rules').selectAll().orderBy('created').orderBy('id');
    if (appId !== undefined) query = query.where('app_id', '=', appId);
    return (await query.execute()).map(toRule);
  }

  async replaceSecret(id: string, from: string, to: string): Promise<boolean> {
    const result = await this.db
      .updateTable('event_rules')
      .set({ secret: to })
      .where('id', '=', id)
      .where('secret', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The rule and its queued deliveries, in one statement (there is no cascading key). */
  async remove(id: string): Promise<boolean> {
    const { rows } = await sql<{ id: string }>`
      WITH queued AS (DELETE FROM event_deliveries WHERE rule_id = ${id})
      DELETE FROM event_rules WHERE id = ${id} RETURNING id
    `.execute(this.writer());
    return rows.length > 0;
  }

  /** One statement; a delivery still queued (or dead) is made due again rather than doubled. */
  async replay(appId: string, since: number, ruleId?: string): Promise<number> {
    const { numAffectedRows } = await sql`
      INSERT INTO event_deliveries (rule_id, event_seq, room_id, next_at)
      SELECT r.id, e.seq, e.room_id, 0
      FROM room_events e JOIN event_rules r
        ON r.app_id = e.app_id AND (r.operations IS NULL OR e.operation = ANY (r.operations))
      WHERE e.app_id = ${appId} AND e.created_at >= ${since} ${ruleId === undefined ? sql`` : sql`AND r.id = ${ruleId}`}
      ON CONFLICT (rule_id, event_seq) DO UPDATE SET state = 'pending', next_at = 0, lease_until = NULL
    `.execute(this.db);
    return Number(numAffectedRows ?? 0n);
  }

  /**
   * Deletes up to `batch` of the oldest events stored before `before` (their deliveries go with
   * them). Walks the primary key from the oldest: seq order is commit order give or take a
   * transaction, so this stops at the first young event instead of needing a created_at index.
   */
  async prune(before: number, batch: number): Promise<number> {
    const { numAffectedRows } = await sql`
      DELETE FROM room_events WHERE seq IN (
        SELECT seq FROM (SELECT seq, created_at FROM room_events ORDER BY seq LIMIT ${batch}) oldest
        WHERE created_at < ${before}
      )
    `.execute(this.db);
    return Number(numAffectedRows ?? 0n);
  }

  /** Deletes up to `batch` idempotency keys stored before `before`. */
  async pruneIdempotencyKeys(before: number, batch: number): Promise<number> {
    const { numAffectedRows } = await sql`
      DELETE FROM idempotency_keys WHERE (app_id, key) IN (
        SELECT app_id, key FROM idempotency_keys WHERE created_at < ${before} LIMIT ${batch}
      )
    `.execute(this.db);
    return Number(numAffectedRows ?? 0n);
  }
}
