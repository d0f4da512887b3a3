import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Tenant administration (the PostgreSQL adapter's 0003): each app's key generation, which
 * tokens carry and rotation or revocation raises. Existing apps start at generation 0.
 * (rate_limit came with 0002.)
 */
const statements = [
  `ALTER TABLE apps ADD COLUMN key_generation INT NOT NULL DEFAULT 0,
    ADD CONSTRAINT apps_key_generation_check CHECK (key_generation >= 0)`,
];

export const keyGenerationMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
