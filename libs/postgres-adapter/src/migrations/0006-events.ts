import type { Migration } from 'kysely';
import { statementsMigration } from './statements-migration.js';

/**
 * Events out. `room_events` is the transactional outbox and the audit trail in one:
 * rows are written by the unit of work that made the change, just before its commit, and
 * pruned after EVENT_RETENTION_DAYS. Rows carry no foreign key to rooms: a dissolved room's
 * events are its last words. `event_deliveries` is the queue, one row per (rule, event)
 * still to send (a sent one is deleted; a dead one stays for replay), written in the same
 * statement as the events.
 */
const statements = [
  `CREATE TABLE room_events (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    app_id uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    org text NOT NULL,
    app text NOT NULL,
    room_id text NOT NULL,
    operation text NOT NULL,
    operator text NOT NULL,
    payload jsonb,
    created_at bigint NOT NULL
  )`,
  // The audit trail: one room's events newest first, by keyset. No index on created_at: each
  // index costs every write; pruning walks seq order (created_at grows with seq) and replay
  // "since" is a rare admin command.
  `CREATE INDEX room_events_room_idx ON room_events (app_id, room_id, seq)`,

  `CREATE TABLE event_rules (
    id uuid PRIMARY KEY,
    app_id uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('webhook', 'nats')),
    target text NOT NULL,
    secret text NOT NULL,
    operations text[],
    created bigint NOT NULL
  )`,
  `CREATE INDEX event_rules_app_idx ON event_rules (app_id)`,

  `CREATE TABLE event_deliveries (
    -- No foreign key to event_rules: every writing unit would take a KEY SHARE lock on the
    -- same rule row, and many units sharing one row lock turns into MultiXact contention
    -- (measured: a third of the write throughput). Removing a rule deletes its rows instead.
    rule_id uuid NOT NULL,
    event_seq bigint NOT NULL REFERENCES room_events (seq) ON DELETE CASCADE,
    room_id text NOT NULL,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'dead')),
    attempts integer NOT NULL DEFAULT 0,
    next_at bigint NOT NULL,
    lease_until bigint,
    last_error text,
    PRIMARY KEY (rule_id, event_seq)
  )`,
  // "Is there an older undelivered event of this room" (the claim's per-room order).
  `CREATE INDEX event_deliveries_room_idx ON event_deliveries (rule_id, room_id, event_seq) WHERE state = 'pending'`,
  // What is due, oldest first; and the cascade when an event is pruned.
  `CREATE INDEX event_deliveries_event_idx ON event_deliveries (event_seq)`,

  // Idempotency keys: the first response of a keyed request, stored in the transaction of its
  // change. A key is live for 24 h (created_at), then free again; the worker prunes old rows.
  `CREATE TABLE idempotency_keys (
    app_id uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    key text NOT NULL,
    fingerprint text NOT NULL,
    status integer NOT NULL,
    body text NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (app_id, key)
  )`,
];

export const eventsMigration: Migration = statementsMigration(statements);
