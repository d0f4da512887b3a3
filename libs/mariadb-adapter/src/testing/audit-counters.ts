import { createConnection } from 'mysql2/promise';
import { mysqlUrl } from '../mariadb-dialect.js';

export interface CounterAudit {
  /** Rows whose guarded counter differs from the real count; all empty when the counters are true. */
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

/** Recounts every guarded counter from the rows themselves, and checks the moderation limits, on a MariaDB database. */
export async function auditCounters(databaseUrl: string): Promise<CounterAudit> {
  const connection = await createConnection({ uri: mysqlUrl(databaseUrl) });
  try {
    const ids = async (query: string) => {
      const [rows] = await connection.query(query);
      return (rows as { id: string }[]).map((r) => r.id);
    };
    return {
      rooms: await ids(`
        SELECT r.id FROM rooms r
        WHERE r.member_count <> (SELECT count(*) FROM memberships m WHERE m.app_id = r.app_id AND m.room_id = r.id)`),
      users: await ids(`
        SELECT u.username AS id FROM users u
        WHERE u.joined_count <> (SELECT count(*) FROM memberships m WHERE m.app_id = u.app_id AND m.username = u.username)`),
      apps: await ids(`
        SELECT a.id FROM apps a WHERE a.room_count <> (SELECT count(*) FROM rooms r WHERE r.app_id = a.id)`),
      owners: await ids(`
        SELECT r.id FROM rooms r
        WHERE (SELECT count(*) FROM memberships m WHERE m.app_id = r.app_id AND m.room_id = r.id AND m.role = 'owner') <> 1
           OR NOT EXISTS (SELECT 1 FROM memberships m
                          WHERE m.app_id = r.app_id AND m.room_id = r.id AND m.username = r.owner AND m.role = 'owner')`),
      overLimit: await ids(`
        SELECT r.id FROM rooms r
        WHERE (SELECT count(*) FROM memberships m WHERE m.app_id = r.app_id AND m.room_id = r.id AND m.role = 'admin') > 99
           OR (SELECT count(*) FROM room_attributes a WHERE a.app_id = r.app_id AND a.room_id = r.id) > 100`),
      blockedMembers: await ids(`
        SELECT concat(l.room_id, ':', l.username) AS id FROM room_user_lists l
        JOIN memberships m ON m.app_id = l.app_id AND m.room_id = l.room_id AND m.username = l.username
        WHERE l.list = 'blocklist'`),
    };
  } finally {
    await connection.end();
  }
}

export const CLEAN_AUDIT: CounterAudit = { rooms: [], users: [], apps: [], owners: [], overLimit: [], blockedMembers: [] };
