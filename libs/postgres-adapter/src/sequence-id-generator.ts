import type { IdGenerator } from '@chatroom/domain';
import type { Kysely } from 'kysely';
import { runPrecompiled } from './precompiled.js';
import type { Database } from './schema/database.js';
import { translateDatabaseError } from './translate-database-error.js';

/**
 * Ids from the `room_seq` sequence: nextval is atomic and never rolled back, so values increase
 * across every instance sharing the database and are never handed out twice. Inside a unit of
 * work it runs on the unit's transaction (its repositories hand it out); the adapter's own
 * instance runs on the pool.
 */
export class SequenceIdGenerator implements IdGenerator {
  constructor(private readonly db: Kysely<Database>) {}

  async next(): Promise<number> {
    try {
      const [row] = await runPrecompiled<{ id: number }>(this.db, "SELECT nextval('room_seq') AS id", []);
      return row!.id;
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }
}
