import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The progress of `import easemob` (the PostgreSQL adapter's 0011): one row per run and per
 * room of each target app and source. Gone with the app. The source URL is kept whole in the
 * rows and keyed by its SHA-256 (a URL may be longer than an index key allows).
 */
const statements = [
  `CREATE TABLE import_runs (
    app_id CHAR(36) NOT NULL,
    source_key BINARY(32) NOT NULL,
    source TEXT NOT NULL,
    run_id INT NOT NULL CHECK (run_id > 0),
    started_at BIGINT NOT NULL,
    finished_at BIGINT NULL,
    PRIMARY KEY (app_id, source_key, run_id),
    CONSTRAINT import_runs_app_fk FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin`,
  `CREATE TABLE import_rooms (
    app_id CHAR(36) NOT NULL,
    source_key BINARY(32) NOT NULL,
    room_id VARCHAR(64) NOT NULL,
    run_id INT NOT NULL,
    outcome VARCHAR(16) NOT NULL CHECK (outcome IN ('imported', 'changed', 'unchanged', 'refused', 'gone')),
    reason TEXT NOT NULL,
    PRIMARY KEY (app_id, source_key, room_id),
    CONSTRAINT import_rooms_app_fk FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin`,
];

export const importProgressMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
