import { SqlRoomAttributeRepository, sharedTables } from '@chatroom/sql-store-kit';
import type { Kysely } from 'kysely';
import { POSTGRES_SHAPES } from './postgres-shapes.js';
import type { Database } from './schema/database.js';

/** The kit's room attributes; keys order by the column's COLLATE "C". */
export class PostgresRoomAttributeRepository extends SqlRoomAttributeRepository {
  constructor(db: Kysely<Database>) {
    super(sharedTables(db), POSTGRES_SHAPES);
  }
}
