import { sql, type Kysely, type Migration } from 'kysely';

/** The name of the rate limiter's table (the HTTP app's limiter store writes it). */
export const RATE_LIMITS_TABLE = 'rate_limits';

/**
 * The shared request budgets (the PostgreSQL adapter's 0004): rate-limiter-flexible's MySQL
 * store keeps one row per (app, operation class) key, its points used and when the window ends
 * (ms since the epoch), written positionally in this column order. Created here rather than by
 * the library, so that instances starting together never race on a CREATE TABLE of their own.
 */
const statements = [
  `CREATE TABLE ${RATE_LIMITS_TABLE} (
    \`key\` VARCHAR(255) NOT NULL PRIMARY KEY,
    points INT NOT NULL DEFAULT 0,
    expire BIGINT UNSIGNED NULL
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin`,
];

export const rateLimitsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
