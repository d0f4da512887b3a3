import { SqlSuperAdminRepository, sharedTables } from '@chatroom/sql-store-kit';
import type { Kysely } from 'kysely';
import { MARIADB_SHAPES } from './mariadb-shapes.js';
import type { Database } from './schema/database.js';

export class MariadbSuperAdminRepository extends SqlSuperAdminRepository {
  constructor(db: Kysely<Database>) {
    super(sharedTables(db), MARIADB_SHAPES);
  }
}
