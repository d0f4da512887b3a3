import type { Delivery, DeliveryQueue, FailedDelivery } from '@chatroom/domain';
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { NOW_MS, toStoredEvent } from './mariadb-event-outbox.js';
import { toRule } from './mariadb-event-rule-store.js';
import type { Database, EventRulesTable, RoomEventsTable } from './schema/database.js';

/**
 * The delivery queue on `event_deliveries`, shared by every instance, with the PostgreSQL
 * queue's guarantees; MariaDB has no UPDATE … RETURNING and no data-modifying CTEs, so a claim
 * is one short transaction of three statements instead of one:
 * 1. pick due heads (the oldest pending delivery of each rule × room, not leased) with
 *    `FOR UPDATE SKIP LOCKED` (MariaDB 10.6+). The locking read sees each row's latest
 *    committed version, so a head another claimant has leased and committed is left out, and
 *    one it holds right now is skipped. The NOT EXISTS subquery is a plain read, not skipped:
 *    a head locked by another claimant still holds back the event behind it
 *    (mariadb-delivery-queue.test.ts pins this);
 * 2. lease them; 3. read them joined to their rule and event; commit.
 * A leased head still counts as pending, so the later events of its room wait for it; a crash
 * leaves the lease to expire and the event is sent again (at least once).
 */
export class MariadbDeliveryQueue implements DeliveryQueue {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(limit: number, leaseMs: number): Promise<Delivery[]> {
    return this.db.transaction().execute(async (trx) => {
      const { rows: locked } = await sql<Key>`
        SELECT d.rule_id, d.event_seq FROM event_deliveries d
        WHERE d.state = 'pending' AND d.next_at <= ${NOW_MS} AND (d.lease_until IS NULL OR d.lease_until <= ${NOW_MS})
          AND NOT EXISTS (
            SELECT 1 FROM event_deliveries e
            WHERE e.rule_id = d.rule_id AND e.room_id = d.room_id AND e.state = 'pending' AND e.event_seq < d.event_seq
          )
        ORDER BY d.event_seq
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      `.execute(trx);
      if (locked.length === 0) return [];
      await sql`
        UPDATE event_deliveries SET lease_until = ${NOW_MS} + ${leaseMs} WHERE (rule_id, event_seq) IN (${keyList(locked)})
      `.execute(trx);
      // The rule as one JSON column (its names would clash with the event's); mysql2 parses it.
      const { rows } = await sql<ClaimedRow>`
        SELECT d.attempts, JSON_OBJECT('id', r.id, 'app_id', r.app_id, 'kind', r.kind, 'target', r.target,
          'secret', r.secret, 'operations', r.operations, 'created', r.created) AS rule, ev.*
        FROM event_deliveries d JOIN event_rules r ON r.id = d.rule_id JOIN room_events ev ON ev.seq = d.event_seq
        WHERE (d.rule_id, d.event_seq) IN (${keyList(locked)})
        ORDER BY ev.seq
      `.execute(trx);
      return rows.map((row) => ({ attempts: Number(row.attempts), rule: toRule(row.rule), event: toStoredEvent(row) }));
    });
  }

  /**
   * One round trip and one commit: an anonymous compound statement (BEGIN NOT ATOMIC … END) that
   * deletes the delivered and reschedules (or buries) the failed in a transaction of its own,
   * rolled back and the error passed on if either statement fails.
   */
  async settle(delivered: readonly Delivery[], failed: readonly FailedDelivery[]): Promise<void> {
    if (delivered.length === 0 && failed.length === 0) return;
    const done = delivered.length === 0 ? sql`` : sql`DELETE FROM event_deliveries WHERE (rule_id, event_seq) IN (${keyList(delivered.map(keyOf))});`;
    const outcomes = failed.map(
      (f, i) =>
        i === 0
          ? sql`SELECT ${f.delivery.rule.id} AS rule_id, ${f.delivery.event.seq} AS seq, ${f.error.slice(0, 500)} AS error, ${f.retryAt} AS retry_at`
          : sql`SELECT ${f.delivery.rule.id}, ${f.delivery.event.seq}, ${f.error.slice(0, 500)}, ${f.retryAt}`,
    );
    const retry =
      failed.length === 0
        ? sql``
        : sql`UPDATE event_deliveries d JOIN (${sql.join(outcomes, sql` UNION ALL `)}) x ON d.rule_id = x.rule_id AND d.event_seq = x.seq
            SET d.attempts = d.attempts + 1, d.lease_until = NULL, d.last_error = x.error,
              d.next_at = COALESCE(x.retry_at, d.next_at), d.state = IF(x.retry_at IS NULL, 'dead', 'pending');`;
    await sql`
      BEGIN NOT ATOMIC
        DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
        START TRANSACTION;
        ${done}
        ${retry}
        COMMIT;
      END
    `.execute(this.db);
  }
}

interface Key {
  rule_id: string;
  event_seq: number;
}

const keyOf = (d: Delivery): Key => ({ rule_id: d.rule.id, event_seq: d.event.seq });

/** `(rule, seq), …` for a row-constructor IN, which MariaDB reads as ranges of the primary key. */
function keyList(keys: readonly Key[]): RawBuilder<unknown> {
  return sql.join(keys.map((k) => sql`(${k.rule_id}, ${k.event_seq})`));
}

type ClaimedRow = Selectable<RoomEventsTable> & { attempts: number; rule: Selectable<EventRulesTable> };
