/** Rows that break an invariant, by kind; all empty when the counters are true. */
export interface CounterAudit {
  /** Rows whose guarded counter differs from the real count. */
  rooms: string[];
  users: string[];
  apps: string[];
  /** Rooms with other than exactly one owner membership, or whose owner column names someone else. */
  owners: string[];
  /** Rooms with more than 99 admins, or more than 100 attributes. */
  overLimit: string[];
  /** `room:user` for every blocklisted user who is a member all the same. */
  blockedMembers: string[];
}

export const CLEAN_AUDIT: CounterAudit = {
  rooms: [],
  users: [],
  apps: [],
  owners: [],
  overLimit: [],
  blockedMembers: [],
};

/**
 * One query per kind, each returning an `id` column; plain SQL that PostgreSQL and MariaDB read
 * alike (no `USING`, no `||`, no casts), so each store only supplies a connection to run them on.
 */
const AUDIT_QUERIES: Record<keyof CounterAudit, string> = {
  rooms: `
    SELECT r.id FROM rooms r
    WHERE r.member_count <> (SELECT count(*) FROM memberships m WHERE m.app_id = r.app_id AND m.room_id = r.id)`,
  users: `
    SELECT u.username AS id FROM users u
    WHERE u.joined_count <> (SELECT count(*) FROM memberships m WHERE m.app_id = u.app_id AND m.username = u.username)`,
  apps: `
    SELECT a.id FROM apps a WHERE a.room_count <> (SELECT count(*) FROM rooms r WHERE r.app_id = a.id)`,
  owners: `
    SELECT r.id FROM rooms r
    WHERE (SELECT count(*) FROM memberships m WHERE m.app_id = r.app_id AND m.room_id = r.id AND m.role = 'owner') <> 1
       OR NOT EXISTS (SELECT 1 FROM memberships m
                      WHERE m.app_id = r.app_id AND m.room_id = r.id AND m.username = r.owner AND m.role = 'owner')`,
  overLimit: `
    SELECT r.id FROM rooms r
    WHERE (SELECT count(*) FROM memberships m WHERE m.app_id = r.app_id AND m.room_id = r.id AND m.role = 'admin') > 99
       OR (SELECT count(*) FROM room_attributes a WHERE a.app_id = r.app_id AND a.room_id = r.id) > 100`,
  blockedMembers: `
    SELECT concat(l.room_id, ':', l.username) AS id FROM room_user_lists l
    JOIN memberships m ON m.app_id = l.app_id AND m.room_id = l.room_id AND m.username = l.username
    WHERE l.list = 'blocklist'`,
};

/** Recounts every guarded counter from the rows themselves, and checks the moderation limits. */
export async function auditCounterQueries(
  run: (query: string) => Promise<readonly { id: unknown }[]>,
): Promise<CounterAudit> {
  const audit = { ...CLEAN_AUDIT };
  for (const kind of Object.keys(AUDIT_QUERIES) as (keyof CounterAudit)[]) {
    audit[kind] = (await run(AUDIT_QUERIES[kind])).map((row) => String(row.id));
  }
  return audit;
}
