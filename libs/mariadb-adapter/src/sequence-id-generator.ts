import type { IdGenerator } from '@chatroom/domain';
import { sql } from 'kysely';
import type { TransactionScope } from './transaction-scope.js';
import { translateDatabaseError } from './translate-database-error.js';

/**
 * Ids from the `room_seq` SEQUENCE: NEXTVAL is atomic and never rolled back, and the server
 * hands values out of one cache shared by every connection, so they increase across every
 * instance sharing the database and are never handed out twice.
 */
export class SequenceIdGenerator implements IdGenerator {
  constructor(private readonly scope: TransactionScope) {}

  async next(): Promise<number> {
    try {
      const { rows } = await sql<{ id: number }>`SELECT NEXTVAL(room_seq) AS id`.execute(this.scope.executor());
      return Number(rows[0]!.id);
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }
}
