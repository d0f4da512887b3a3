import type {
  Delivery,
  DeliveryQueue,
  EventRule,
  EventRuleKind,
  FailedDelivery,
  RoomEventOperation,
} from '@chatroom/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import { toStoredEvent } from './postgres-event-outbox.js';
import type { Database, EventRulesTable, RoomEventsTable } from './schema/database.js';

/**
 * A CTE that makes the statement's own (implicit) transaction commit without waiting for its
 * WAL flush. The queue's bookkeeping can afford it: a lease or a settle lost in a server crash
 * only sends an event again (at least once), and the request path then never waits behind a
 * flush of the worker's. Each statement joining `async_commit` takes it; nothing else does.
 */
const ASYNC_COMMIT = sql`async_commit AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true) AS setting)`;

/** One instant for the whole statement (the claim compares it in several places). */
const STATEMENT_MS = sql<number>`(extract(epoch from statement_timestamp()) * 1000)::bigint`;

/** Due rows a claim looks at, at most: bounds one claim's work whatever the backlog. */
const SCAN_LIMIT = 1_000;

/**
 * The delivery queue on `event_deliveries`, shared by every instance. A claim is one
 * statement:
 * 1. `scan`: the oldest due, unleased rows (the partial index on next_at), each with its room's
 *    head for its rule (the oldest pending row, one index probe);
 * 2. `held`: a row whose head is failing (not leased, due later) is moved to the head's retry
 *    time: it cannot go before the head anyway, and no later claim walks it again until then.
 *    Without this, a dead receiver's backlog was walked by every claim (50,000 queued rows:
 *    0.3–0.7 s of the server's CPU per claim, several claims a second);
 * 3. `due`: the heads among them, locked with `FOR UPDATE SKIP LOCKED` and leased by ctid (a
 *    TID scan: joining back on the key let the planner scan the whole queue). A row another
 *    claimant locked is skipped; once that claimant has committed its lease, the row has a new
 *    ctid and is left out.
 * A leased head still counts as pending, so the later events of its room wait for it; a crash
 * leaves the lease to expire and the event is sent again (at least once). Rows behind a head in
 * flight are looked at again by each claim until it settles (a lease at most).
 */
export class PostgresDeliveryQueue implements DeliveryQueue {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(limit: number, leaseMs: number): Promise<Delivery[]> {
    const now = STATEMENT_MS;
    const { rows } = await sql<ClaimedRow>`
      WITH ${ASYNC_COMMIT}, scan AS MATERIALIZED (
        SELECT d.tid, d.event_seq, d.next_at, h.event_seq AS head_seq, h.next_at AS head_next, h.lease_until AS head_lease
        FROM (
          SELECT ctid AS tid, rule_id, room_id, event_seq, next_at FROM event_deliveries
          WHERE state = 'pending' AND next_at <= ${now} AND (lease_until IS NULL OR lease_until <= ${now})
          ORDER BY next_at, event_seq
          LIMIT ${SCAN_LIMIT}
        ) d
        CROSS JOIN LATERAL (
          SELECT event_seq, next_at, lease_until FROM event_deliveries h
          WHERE h.rule_id = d.rule_id AND h.room_id = d.room_id AND h.state = 'pending'
          ORDER BY h.event_seq
          LIMIT 1
        ) h
      ), held_rows AS (
        SELECT d.ctid AS tid FROM event_deliveries d
        WHERE d.ctid = ANY (ARRAY(
          SELECT tid FROM scan
          WHERE head_seq < event_seq AND head_next > ${now} AND (head_lease IS NULL OR head_lease <= ${now})
        ))
        FOR UPDATE SKIP LOCKED
      ), held AS (
        UPDATE event_deliveries d SET next_at = s.head_next
        FROM scan s
        WHERE d.ctid = ANY (ARRAY(SELECT tid FROM held_rows)) AND s.tid = d.ctid
      ), due AS (
        SELECT d.ctid AS tid FROM event_deliveries d
        WHERE d.ctid = ANY (ARRAY(SELECT tid FROM scan WHERE head_seq = event_seq ORDER BY next_at, event_seq LIMIT ${limit}))
          AND d.state = 'pending' AND (d.lease_until IS NULL OR d.lease_until <= ${now})
        FOR UPDATE SKIP LOCKED
      ), claimed AS (
        UPDATE event_deliveries d SET lease_until = ${now} + ${leaseMs}
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
