import { SqlSuperAdminRepository, sharedTables } from '@chatroom/sql-store-kit';
import type { Kysely } from 'kysely';
import { POSTGRES_SHAPES } from './postgres-shapes.js';
import type { Database } from './schema/database.js';

export class PostgresSuperAdminRepository extends SqlSuperAdminRepository {
  constructor(db: Kysely<Database>) {
    super(sharedTables(db), POSTGRES_SHAPES);
  }
}
