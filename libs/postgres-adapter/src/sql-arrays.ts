import { sql, type RawBuilder } from 'kysely';

/** A JS string array as one `text[]` parameter, for `= any(…)` and `unnest(…)`: one query for any number of values. */
export function textArray(values: readonly string[]): RawBuilder<string[]> {
  return sql<string[]>`${[...values]}::text[]`;
}
