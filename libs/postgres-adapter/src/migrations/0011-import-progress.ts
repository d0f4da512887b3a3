import type { Migration } from 'kysely';
import { statementsMigration } from './statements-migration.js';

/**
 * The progress of `import easemob` (one row per run and per room of each target app and
 * source), so that an interrupted import resumes and a later one knows which rooms it brought
 * in. Gone with the app.
 */
const statements = [
  `CREATE TABLE import_runs (
    app_id uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    source text NOT NULL,
    run_id integer NOT NULL CHECK (run_id > 0),
    started_at bigint NOT NULL,
    finished_at bigint,
    PRIMARY KEY (app_id, source, run_id)
  )`,
  `CREATE TABLE import_rooms (
    app_id uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    source text NOT NULL,
    room_id text NOT NULL,
    run_id integer NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('imported', 'changed', 'unchanged', 'refused', 'gone')),
    reason text NOT NULL,
    PRIMARY KEY (app_id, source, room_id)
  )`,
];

export const importProgressMigration: Migration = statementsMigration(statements);
