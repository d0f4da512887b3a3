import type { InsertQueryBuilder, InsertResult, RawBuilder } from 'kysely';
import type { SharedDatabase } from './schema/shared-tables.js';

/**
 * What the two SQL dialects write differently in the queries the kit holds once: how a column
 * is matched against a list (PostgreSQL binds one `text[]`, MariaDB an `IN` list) and how an
 * insert overwrites or skips the row it collides with (ON CONFLICT vs ON DUPLICATE KEY UPDATE).
 */
export interface DialectShapes {
  /** `column` is one of `values` (never called with an empty list). */
  anyOf(column: string, values: readonly string[]): RawBuilder<boolean>;
  /** The insert, made to overwrite `columns` of the row whose `key` collides. */
  overwriteOnConflict<T extends keyof SharedDatabase>(
    insert: InsertQueryBuilder<SharedDatabase, T, InsertResult>,
    key: readonly string[],
    columns: readonly string[],
  ): InsertQueryBuilder<SharedDatabase, T, InsertResult>;
  /** The insert, made to leave alone (and keep the place of) the row whose `key` collides. */
  skipOnConflict<T extends keyof SharedDatabase>(
    insert: InsertQueryBuilder<SharedDatabase, T, InsertResult>,
    key: readonly string[],
  ): InsertQueryBuilder<SharedDatabase, T, InsertResult>;
}
