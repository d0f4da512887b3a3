import { sql, type Kysely } from 'kysely';
import type { Database } from './schema/database.js';

/**
 * Every guarded counter that differs from a recount of the rows it counts, as
 * `table key: stored≠real`; empty when all are right. A consistency check for operators and
 * the contract suite's counter probe.
 */
export async function counterMismatches(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    SELECT 'rooms ' || r.id || ': ' || r.member_count || '≠' || count(m.username) AS line
      FROM rooms r LEFT JOIN memberships m ON m.app_id = r.app_id AND m.room_id = r.id
      GROUP BY r.app_id, r.id, r.member_count HAVING r.member_count <> count(m.username)
    UNION ALL
    SELECT 'users ' || u.username || ': ' || u.joined_count || '≠' || count(m.room_id)
      FROM users u LEFT JOIN memberships m ON m.app_id = u.app_id AND m.username = u.username
      GROUP BY u.app_id, u.username, u.joined_count HAVING u.joined_count <> count(m.room_id)
    UNION ALL
    SELECT 'apps ' || a.id || ': ' || a.room_count || '≠' || count(r.id)
      FROM apps a LEFT JOIN rooms r ON r.app_id = a.id
      GROUP BY a.id, a.room_count HAVING a.room_count <> count(r.id)
  `.execute(db);
  return rows.map((r) => r.line);
}
