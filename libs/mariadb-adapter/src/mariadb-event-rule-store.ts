import type { EventRule, EventRuleKind, EventRuleStore, RoomEventOperation } from '@chatroom/domain';
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Database, EventRulesTable } from './schema/database.js';
import type { KeyedTransactions } from './keyed-transactions.js';

/** Rule `r` wants event `e`: same app, and all operations (NULL) or e's among them (a JSON array). */
export function ruleMatches(r: RawBuilder<unknown>, e: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`${r}.app_id = ${e}.app_id AND (${r}.operations IS NULL OR JSON_CONTAINS(${r}.operations, JSON_QUOTE(${e}.operation)))`;
}

export class MariadbEventRuleStore implements EventRuleStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly keyed?: KeyedTransactions,
  ) {}

  /** A change joins the transaction of a keyed request (Idempotency-Key), so its answer is stored with it. */
  private writer(): Kysely<Database> {
    return this.keyed?.getStore()?.trx ?? this.db;
  }

  async add(rule: EventRule): Promise<void> {
    const operations = rule.operations === null ? null : JSON.stringify(rule.operations);
    await sql`
      INSERT INTO event_rules (id, app_id, kind, target, secret, operations, created)
      VALUES (${rule.id}, ${rule.appId}, ${rule.kind}, ${rule.target}, ${rule.secret}, ${operations}, ${rule.created})
    `.execute(this.db);
  }

  async list(appId?: string): Promise<EventRule[]> {
    let query = this.db.selectFrom('event_rules').selectAll().orderBy('created').orderBy('id');
    if (appId !== undefined) query = query.where('app_id', '=', appId);
    return (await query.execute()).map(toRule);
  }

  async replaceSecret(id: string, from: string, to: string): Promise<boolean> {
    // BINARY: the column's collation would take a secret differing only in case for the same.
    const { numAffectedRows } = await sql`
      UPDATE event_rules SET secret = ${to} WHERE id = ${id} AND BINARY secret = BINARY ${from}
    `.execute(this.db);
    return Number(numAffectedRows ?? 0n) > 0;
  }

  /** The rule and its queued deliveries, in one multi-table DELETE (there is no cascading key). */
  async remove(id: string): Promise<boolean> {
    const { numAffectedRows } = await sql`
      DELETE r, d FROM event_rules r LEFT JOIN event_deliveries d ON d.rule_id = r.id WHERE r.id = ${id}
    `.execute(this.writer());
    return Number(numAffectedRows ?? 0n) > 0;
  }

  /**
   * One statement; a delivery still queued (or dead) is made due again rather than doubled.
   * Counted by RETURNING (a row for each inserted or updated one), as affected rows would count
   * an update twice.
   */
  async replay(appId: string, since: number, ruleId?: string): Promise<number> {
    const { rows } = await sql<{ event_seq: number }>`
      INSERT INTO event_deliveries (rule_id, event_seq, room_id, next_at)
      SELECT r.id, e.seq, e.room_id, 0
      FROM room_events e JOIN event_rules r ON ${ruleMatches(sql.ref('r'), sql.ref('e'))}
      WHERE e.app_id = ${appId} AND e.created_at >= ${since} ${ruleId === undefined ? sql`` : sql`AND r.id = ${ruleId}`}
      ON DUPLICATE KEY UPDATE state = 'pending', next_at = 0, lease_until = NULL
      RETURNING event_seq
    `.execute(this.db);
    return rows.length;
  }

  /**
   * Deletes up to `batch` of the oldest events stored before `before` (their deliveries go with
   * them, by the cascading key). Walks the primary key from the oldest and stops at the first
   * young event, so no index on created_at is needed; the derived table is materialised, which
   * is what lets a DELETE read its own table.
   */
  async prune(before: number, batch: number): Promise<number> {
    const { numAffectedRows } = await sql`
      DELETE e FROM room_events e
      JOIN (SELECT seq FROM room_events ORDER BY seq LIMIT ${batch}) oldest ON oldest.seq = e.seq
      WHERE e.created_at < ${before}
    `.execute(this.db);
    return Number(numAffectedRows ?? 0n);
  }

  /** Deletes up to `batch` idempotency keys stored before `before` (a range of their created_at index). */
  async pruneIdempotencyKeys(before: number, batch: number): Promise<number> {
    const { numAffectedRows } = await sql`
      DELETE FROM idempotency_keys WHERE created_at < ${before} ORDER BY created_at LIMIT ${batch}
    `.execute(this.db);
    return Number(numAffectedRows ?? 0n);
  }
}

export function toRule(row: Selectable<EventRulesTable>): EventRule {
  return {
    id: row.id,
    appId: row.app_id,
    kind: row.kind as EventRuleKind,
    target: row.target,
    secret: row.secret,
    operations: row.operations === null ? null : (JSON.parse(row.operations) as RoomEventOperation[]),
    created: Number(row.created),
  };
}
