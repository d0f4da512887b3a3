import { sql, type RawBuilder } from 'kysely';

/**
 * `users_locked`: the rows of the users a statement is about to count (those in the CTE `from`,
 * read by `username`), locked in username order before any of them is updated. An UPDATE locks
 * rows in whatever order its plan reads them, so two statements counting overlapping users (two
 * creates whose members overlap, an import writing ten rooms at a time) could each hold a row the
 * other waits for; in one order they queue instead. FOR NO KEY UPDATE is the lock the counter's
 * UPDATE takes anyway; the LockRows step sits above the sort, so the locks follow the order.
 * The counter's UPDATE reads `users_locked`, which makes the locking come first. `name` names
 * the CTE otherwise (releaseMemberships: `users_released`, for a statement that has both).
 */
export function usersInOrder(
  appId: RawBuilder<unknown>,
  from: 'joined' | 'inserted' | 'chosen' | 'gone',
  name = 'users_locked',
): RawBuilder<unknown> {
  return sql`${sql.id(name)} AS (
        SELECT username FROM users
        WHERE app_id = ${appId} AND username IN (SELECT username FROM ${sql.table(from)})
        ORDER BY username FOR NO KEY UPDATE
      )`;
}
