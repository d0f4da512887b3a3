import type { DialectShapes } from '@chatroom/sql-store-kit';
import { sql } from 'kysely';

/** MariaDB's ways with the kit's shared queries: an IN list, ON DUPLICATE KEY UPDATE … VALUES(). */
export const MARIADB_SHAPES: DialectShapes = {
  anyOf: (column, values) => sql<boolean>`${sql.ref(column)} IN (${sql.join([...values])})`,
  // The row's unique keys decide the collision; `key` names them for the dialects that ask.
  overwriteOnConflict: (insert, _key, columns) =>
    insert.onDuplicateKeyUpdate(Object.fromEntries(columns.map((c) => [c, sql`VALUES(${sql.ref(c)})`])) as never),
  // A no-op update (`k = k`) skips the row: unlike INSERT IGNORE it turns no other error into a warning.
  skipOnConflict: (insert, key) => insert.onDuplicateKeyUpdate({ [key[0]!]: sql.ref(key[0]!) } as never),
};
