import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A migration that runs its statements in order, one per query: PGlite's extended protocol
 * runs one statement at a time.
 */
export function statementsMigration(statements: readonly string[]): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const statement of statements) await sql.raw(statement).execute(db);
    },
  };
}
