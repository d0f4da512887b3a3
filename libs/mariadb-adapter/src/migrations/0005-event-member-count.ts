import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The callbacks' `member_count` (the PostgreSQL adapter's 0007): the room's member
 * count after a JOIN or LEAVE, stored with the event by the unit that made the change. NULL for
 * every other event, and for the events stored before. A nullable column added last is an
 * INSTANT change in MariaDB (no table copy).
 */
const statements = [`ALTER TABLE room_events ADD COLUMN member_count INT NULL`];

export const eventMemberCountMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
