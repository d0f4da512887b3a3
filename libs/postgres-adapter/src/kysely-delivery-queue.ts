import type { Delivery, DeliveryQueue, EventRule, EventRuleKind, FailedDelivery, RoomEventOperation } from '@chatroom/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import { toStoredEvent } from './kysely-event-outbox.js';
import type { Database, EventRulesTable, RoomEventsTable } from './schema/database.js';

const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/**
 * A CTE that makes the statement's own (implicit) transaction commit without waiting for its
 * WAL flush. The queue's bookkeeping can afford it: a lease or a settle lost in a server crash
 * only sends an event again (at least once), and the request path then never waits behind a
 * flush of the worker's. Each statement joining `async_commit` takes it; nothing else does.
 */
const ASYNC_COMMIT = sql`async_commit AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true) AS setting)`;

/**
 * The delivery queue on `event_deliveries`, shared by every instance. A claim is one
 * statement: pick due heads (the oldest pending delivery of each rule × room) with
 * `FOR UPDATE SKIP LOCKED`, lease them, and return them joined to their rule and event.
 * A row locked by another claimant is skipped; once that claimant commits its lease, the
 * row is re-checked and left out. The lease is written by the locked rows' ctid (a TID scan):
 * joining back on the key let the planner pick a sequential scan of the whole queue. A leased head still counts as pending, so the later events
 * of its room wait for it; a crash leaves the lease to expire and the event is sent again
 * (at least once).
 */
export class KyselyDeliveryQueue implements DeliveryQueue {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(limit: number, leaseMs: number): Promise<Delivery[]> {
    const { rows } = await sql<ClaimedRow>`
      WITH ${ASYNC_COMMIT}, due AS (
        SELECT d.ctid AS tid FROM event_deliveries d
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
        WHERE d.ctid = ANY (ARRAY(SELECT tid FROM due))
        RETURNING d.rule_id, d.event_seq, d.attempts
      )
      SELECT c.attempts, r.id AS rule_id, r.app_id AS rule_app_id, r.kind, r.target, r.secret, r.operations,
        r.created AS rule_created, ev.*
      FROM claimed c JOIN event_rules r ON r.id = c.rule_id JOIN room_events ev ON ev.seq = c.event_seq
        CROSS JOIN async_commit
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

  /** One statement: delete the delivered, reschedule (or bury) the failed. */
  async settle(delivered: readonly Delivery[], failed: readonly FailedDelivery[]): Promise<void> {
    if (delivered.length === 0 && failed.length === 0) return;
    const keys = (ds: readonly Delivery[]) => [ds.map((d) => d.rule.id), ds.map((d) => d.event.seq)];
    const [doneRules, doneSeqs] = keys(delivered);
    const [failRules, failSeqs] = keys(failed.map((f) => f.delivery));
    await sql`
      WITH ${ASYNC_COMMIT}, done AS (
        DELETE FROM event_deliveries d
        USING unnest(${doneRules}::uuid[], ${doneSeqs}::bigint[]) AS x (rule_id, seq), async_commit
        WHERE d.rule_id = x.rule_id AND d.event_seq = x.seq
      )
      UPDATE event_deliveries d SET
        attempts = d.attempts + 1,
        lease_until = NULL,
        last_error = x.error,
        next_at = coalesce(x.retry_at, d.next_at),
        state = CASE WHEN x.retry_at IS NULL THEN 'dead' ELSE 'pending' END
      FROM unnest(${failRules}::uuid[], ${failSeqs}::bigint[], ${failed.map((f) => f.error.slice(0, 500))}::text[],
        ${failed.map((f) => f.retryAt)}::bigint[]) AS x (rule_id, seq, error, retry_at), async_commit
      WHERE d.rule_id = x.rule_id AND d.event_seq = x.seq
    `.execute(this.db);
  }
}

type ClaimedRow = Selectable<RoomEventsTable> & {
  attempts: number;
  rule_id: string;
  rule_app_id: string;
  kind: string;
  target: string;
  secret: string;
  operations: string[] | null;
  rule_created: number;
};

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
