import type { IdGenerator } from '@chatroom/domain';
import { sql } from 'kysely';
import type { TransactionScope } from './transaction-scope.js';
import { translateDatabaseError } from './translate-database-error.js';

/**
 * Ids from the `room_seq` sequence: nextval is atomic and never rolled back, so values increase
 * across every instance sharing the database and are never handed out twice.
 */
export class SequenceIdGenerator implements IdGenerator {
  constructor(private readonly scope: TransactionScope) {}

  async next(): Promise<number> {
    try {
      const { rows } = await sql<{ id: number }>`SELECT nextval('room_seq') AS id`.execute(this.scope.executor());
      return rows[0]!.id;
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }
}
