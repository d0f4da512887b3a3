import type { Delivery, DeliveryQueue, EventRule, EventRuleKind, RoomEventOperation } from '@chatroom/domain';
import { sql, type Kysely } from 'kysely';
import { toStoredEvent } from './kysely-event-outbox.js';
import type { Database, EventRulesTable } from './schema/database.js';

const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/**
 * The delivery queue on `event_deliveries`, shared by every instance. A claim is one
 * statement: pick due heads (the oldest pending delivery of each rule × room) with
 * `FOR UPDATE SKIP LOCKED`, lease them, and return them joined to their rule and event.
 * A row locked by another claimant is skipped; once that claimant commits its lease, the
 * row is re-checked and left out. A leased head still counts as pending, so the later events
 * of its room wait for it; a crash leaves the lease to expire and the event is sent again
 * (at least once).
 */
export class KyselyDeliveryQueue implements DeliveryQueue {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(limit: number, leaseMs: number): Promise<Delivery[]> {
    const { rows } = await sql<ClaimedRow>`
      WITH due AS (
        SELECT d.rule_id, d.event_seq FROM event_deliveries d
        WHERE d.state = 'pending' AND d.next_at <= ${NOW_MS}
          AND (d.lease_until IS NULL OR d.lease_until <= ${NOW_MS})
          AND NOT EXISTS (
            SELECT 1 FROM event_deliveries e
            WHERE e.rule_id = d.rule_id AND e.room_id = d.room_id AND e.state = 'pending' AND e.event_seq < d.event_seq
          )
        ORDER BY d.event_seq
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ), claimed AS (
        UPDATE event_deliveries d SET lease_until = ${NOW_MS} + ${leaseMs}
        FROM due WHERE d.rule_id = due.rule_id AND d.event_seq = due.event_seq
        RETURNING d.rule_id, d.event_seq, d.attempts
      )
      SELECT c.attempts, r.id AS rule_id, r.app_id AS rule_app_id, r.kind, r.target, r.secret, r.operations,
        r.created AS rule_created, ev.*
      FROM claimed c JOIN event_rules r ON r.id = c.rule_id JOIN room_events ev ON ev.seq = c.event_seq
      ORDER BY ev.seq
    `.execute(this.db);
    return rows.map((row) => ({
      attempts: row.attempts,
      rule: toRule({
        id: row.rule_id,
        app_id: row.rule_app_id,
        kind: row.kind,
        target: row.target,
        secret: row.secret,
        operations: row.operations,
        created: row.rule_created,
      }),
      event: toStoredEvent(row),
    }));
  }

  async succeeded(delivery: Delivery): Promise<void> {
    await this.db
      .deleteFrom('event_deliveries')
      .where('rule_id', '=', delivery.rule.id)
      .where('event_seq', '=', delivery.event.seq)
      .execute();
  }

  async failed(delivery: Delivery, error: string, retryAt: number | null): Promise<void> {
    await this.db
      .updateTable('event_deliveries')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        lease_until: null,
        last_error: error.slice(0, 500),
        ...(retryAt === null ? { state: 'dead' } : { next_at: retryAt }),
      }))
      .where('rule_id', '=', delivery.rule.id)
      .where('event_seq', '=', delivery.event.seq)
      .execute();
  }
}

interface ClaimedRow {
  attempts: number;
  rule_id: string;
  rule_app_id: string;
  kind: string;
  target: string;
  secret: string;
  operations: string[] | null;
  rule_created: number;
  seq: number;
  id: string;
  app_id: string;
  org: string;
  app: string;
  room_id: string;
  operation: string;
  operator: string;
  payload: unknown;
  created_at: number;
}

export function toRule(row: EventRulesTable): EventRule {
  return {
    id: row.id,
    appId: row.app_id,
    kind: row.kind as EventRuleKind,
    target: row.target,
    secret: row.secret,
    operations: row.operations as RoomEventOperation[] | null,
    created: row.created,
  };
}
