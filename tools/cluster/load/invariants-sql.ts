import type pg from 'pg';

/**
 * Every invariant of the model, recounted from the rows (never from the counters they check).
 * Each query returns the offending rows; all must come back empty.
 */
export const INVARIANT_QUERIES: Record<string, string> = {
  'rooms.member_count = its memberships': `
    SELECT r.app_id, r.id, r.member_count, count(m.username) AS real
    FROM rooms r LEFT JOIN memberships m ON m.app_id = r.app_id AND m.room_id = r.id
    GROUP BY r.app_id, r.id HAVING r.member_count <> count(m.username)`,
  'no room above its maxusers': `SELECT app_id, id FROM rooms WHERE member_count > max_users`,
  'exactly one owner per room, the one rooms.owner names': `
    SELECT r.app_id, r.id FROM rooms r
    LEFT JOIN memberships m ON m.app_id = r.app_id AND m.room_id = r.id AND m.role = 'owner'
    GROUP BY r.app_id, r.id, r.owner
    HAVING count(m.username) <> 1 OR bool_or(m.username IS DISTINCT FROM r.owner)`,
  'users.joined_count = their memberships': `
    SELECT u.app_id, u.username, u.joined_count, count(m.room_id) AS real
    FROM users u LEFT JOIN memberships m ON m.app_id = u.app_id AND m.username = u.username
    GROUP BY u.app_id, u.username HAVING u.joined_count <> count(m.room_id)`,
  'no user above the joined-room cap': `
    SELECT u.app_id, u.username FROM users u JOIN apps a ON a.id = u.app_id WHERE u.joined_count > a.joined_room_cap`,
  'apps.room_count = their rooms, within the quota': `
    SELECT a.id, a.room_count, count(r.id) AS real
    FROM apps a LEFT JOIN rooms r ON r.app_id = a.id
    GROUP BY a.id HAVING a.room_count <> count(r.id) OR a.room_count > a.room_quota`,
};

/** Runs every invariant query; the names of those that found offending rows, with a sample. */
export async function invariantViolations(db: pg.Client): Promise<string[]> {
  const violations: string[] = [];
  for (const [name, sql] of Object.entries(INVARIANT_QUERIES)) {
    const { rows } = await db.query(sql);
    if (rows.length > 0) violations.push(`${name}: ${rows.length} rows, e.g. ${JSON.stringify(rows[0])}`);
  }
  return violations;
}
