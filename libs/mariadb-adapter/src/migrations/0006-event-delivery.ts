import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Event delivery (the rest of the PostgreSQL adapter's 0006): the rules, the delivery
 * queue (one row per rule × event still to send; a sent one is deleted, a dead one stays for
 * replay), written by the unit of work in the same transaction as its events, and the
 * idempotency keys (the first response of a keyed request, stored with its change).
 */
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin';

const statements = [
  `CREATE TABLE event_rules (
    id CHAR(36) NOT NULL PRIMARY KEY,
    app_id CHAR(36) NOT NULL,
    kind VARCHAR(16) NOT NULL CHECK (kind IN ('webhook', 'nats')),
    target TEXT NOT NULL,
    secret TEXT NOT NULL,
    -- A JSON array of operations; NULL = all (matched with JSON_CONTAINS: MariaDB has no arrays).
    operations TEXT NULL CHECK (operations IS NULL OR JSON_VALID(operations)),
    created BIGINT NOT NULL,
    KEY event_rules_app_idx (app_id, created),
    CONSTRAINT event_rules_app_fk FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE
  ) ${TABLE_OPTIONS}`,

  // No foreign key to event_rules, as on PostgreSQL: every writing unit would check (and
  // share-lock) the rule row; removing a rule deletes its rows in the same statement instead.
  `CREATE TABLE event_deliveries (
    rule_id CHAR(36) NOT NULL,
    event_seq BIGINT NOT NULL,
    room_id VARCHAR(255) NOT NULL,
    state VARCHAR(8) NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'dead')),
    attempts INT NOT NULL DEFAULT 0,
    next_at BIGINT NOT NULL,
    lease_until BIGINT NULL,
    last_error TEXT NULL,
    PRIMARY KEY (rule_id, event_seq),
    -- "Is there an older pending event of this rule × room" (the claim's per-room order); the
    -- state is in the key because MariaDB has no partial indexes.
    KEY event_deliveries_room_idx (rule_id, room_id, state, event_seq),
    -- What is due, oldest first; and the cascade when an event is pruned.
    KEY event_deliveries_event_idx (event_seq),
    CONSTRAINT event_deliveries_event_fk FOREIGN KEY (event_seq) REFERENCES room_events (seq) ON DELETE CASCADE
  ) ${TABLE_OPTIONS}`,

  // A key is live for 24 h (created_at), then free again. Unlike PostgreSQL, an index on
  // created_at: pruning by a range never touches (and never waits for) rows of running requests.
  `CREATE TABLE idempotency_keys (
    app_id CHAR(36) NOT NULL,
    \`key\` VARCHAR(255) NOT NULL,
    fingerprint VARCHAR(128) NOT NULL,
    status INT NOT NULL,
    body LONGTEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (app_id, \`key\`),
    KEY idempotency_keys_created_idx (created_at),
    CONSTRAINT idempotency_keys_app_fk FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE
  ) ${TABLE_OPTIONS}`,
];

export const eventDeliveryMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
