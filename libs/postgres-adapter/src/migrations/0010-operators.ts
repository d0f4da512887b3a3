import { statementsMigration } from './statements-migration.js';

/**
 * The operators of the console and the operator API, and the index the console's room search
 * by name prefix needs (the owner search uses rooms_app_owner_idx): with `text_pattern_ops` a
 * `LIKE 'prefix%'` is an index range, whatever the database's collation.
 */
const statements = [
  `CREATE TABLE operators (
    name text PRIMARY KEY CHECK (name ~ '^[a-z0-9_.-]{1,64}$'),
    role text NOT NULL CHECK (role IN ('viewer', 'admin')),
    password_hash text NOT NULL,
    generation integer NOT NULL DEFAULT 0,
    must_change_password boolean NOT NULL,
    created bigint NOT NULL
  )`,
  `CREATE INDEX rooms_app_name_prefix_idx ON rooms (app_id, name text_pattern_ops)`,
];

export const operatorsMigration = statementsMigration(statements);
