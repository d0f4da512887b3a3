import type { DialectShapes } from '@chatroom/sql-store-kit';
import { sql } from 'kysely';
import { textArray } from './sql-arrays.js';

/** PostgreSQL's ways with the kit's shared queries: one `text[]` parameter, ON CONFLICT. */
export const POSTGRES_SHAPES: DialectShapes = {
  anyOf: (column, values) => sql<boolean>`${sql.ref(column)} = any(${textArray(values)})`,
  overwriteOnConflict: (insert, key, columns) =>
    insert.onConflict((oc) =>
      oc
        .columns(key as never)
        .doUpdateSet(Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])) as never),
    ),
  skipOnConflict: (insert, key) => insert.onConflict((oc) => oc.columns(key as never).doNothing()),
};
