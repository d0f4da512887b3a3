import { sql, type Kysely, type Migration } from 'kysely';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin';

/**
 * The operators of the console and the operator API, and the index the console's room search
 * by name prefix reads (binary collation: `LIKE 'prefix%'` is a range of it); the owner search
 * uses rooms_app_owner_idx.
 */
const statements = [
  `CREATE TABLE operators (
    name VARCHAR(64) NOT NULL PRIMARY KEY CHECK (name REGEXP '^[a-z0-9_.-]{1,64}$'),
    role VARCHAR(8) NOT NULL CHECK (role IN ('viewer', 'admin')),
    password_hash VARCHAR(512) NOT NULL,
    generation INT NOT NULL DEFAULT 0,
    must_change_password BOOLEAN NOT NULL,
    created BIGINT NOT NULL
  ) ${TABLE_OPTIONS}`,
  `ALTER TABLE rooms ADD KEY rooms_app_name_prefix_idx (app_id, name)`,
];

export const operatorsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
