import { SqlRoomAttributeRepository, sharedTables } from '@chatroom/sql-store-kit';
import type { Kysely } from 'kysely';
import { MARIADB_SHAPES } from './mariadb-shapes.js';
import type { Database } from './schema/database.js';

/** The kit's room attributes; keys order by the column's utf8mb4_nopad_bin collation (code points). */
export class MariadbRoomAttributeRepository extends SqlRoomAttributeRepository {
  constructor(db: Kysely<Database>) {
    super(sharedTables(db), MARIADB_SHAPES);
  }
}
