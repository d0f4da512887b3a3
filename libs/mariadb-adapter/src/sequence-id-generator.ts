import type { IdGenerator } from '@chatroom/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema/database.js';
import { translateDatabaseError } from './translate-database-error.js';

/**
 * Ids from the `room_seq` SEQUENCE: NEXTVAL is atomic and never rolled back, and the server
 * hands values out of one cache shared by every connection, so they increase across every
 * instance sharing the database and are never handed out twice. Inside a unit of work it runs
 * on the unit's transaction (its repositories hand it out); the adapter's own instance runs
 * on the pool.
 */
export class SequenceIdGenerator implements IdGenerator {
  constructor(private readonly db: Kysely<Database>) {}

  async next(): Promise<number> {
    try {
      const { rows } = await sql<{ id: number }>`SELECT NEXTVAL(room_seq) AS id`.execute(this.db);
      return Number(rows[0]!.id);
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }
}
