import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Each app's rate-limit setting ('off', 'easemob' or a per-second number, as text), as the
 * PostgreSQL adapter's 0004 adds it. (Its limiter table is not mirrored: on MariaDB the budgets
 * are counted per instance for now, see the composition root.)
 */
const statements = [
  `ALTER TABLE apps ADD COLUMN rate_limit VARCHAR(16) NOT NULL DEFAULT 'off',
    ADD CONSTRAINT apps_rate_limit_check CHECK (rate_limit IN ('off', 'easemob') OR rate_limit REGEXP '^[1-9][0-9]{0,6}$')`,
];

export const rateLimitMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
