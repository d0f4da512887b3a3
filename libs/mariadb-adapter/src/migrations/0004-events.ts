import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Events out (the PostgreSQL adapter's 0006, outbox part only). `room_events` is the
 * outbox and the audit trail: rows are written by the unit of work that made the change, in
 * one INSERT just before its commit. No foreign key to rooms: a dissolved room's events are its
 * last words. The delivery queue, rules and idempotency keys are not on MariaDB yet.
 */
const statements = [
  `CREATE TABLE room_events (
    seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id CHAR(36) NOT NULL,
    app_id CHAR(36) NOT NULL,
    org VARCHAR(64) NOT NULL,
    app VARCHAR(64) NOT NULL,
    room_id VARCHAR(255) NOT NULL,
    operation VARCHAR(32) NOT NULL,
    operator VARCHAR(255) NOT NULL,
    payload LONGTEXT NULL CHECK (payload IS NULL OR JSON_VALID(payload)),
    created_at BIGINT NOT NULL,
    KEY room_events_room_idx (app_id, room_id, seq),
    CONSTRAINT room_events_app_fk FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin`,
];

export const eventsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
