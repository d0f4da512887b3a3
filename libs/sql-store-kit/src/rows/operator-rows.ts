import type { Operator, OperatorRole } from '@chatroom/domain';
import { sql } from 'kysely';

/** An operator as either driver returns it from a raw query (MariaDB: BIGINT as strings, BOOLEAN as 0/1). */
export interface OperatorRow {
  name: string;
  role: string;
  password_hash: string;
  generation: number | string;
  must_change_password: number | boolean;
  created: number | string;
}

export const OPERATOR_COLUMNS = sql.raw('name, role, password_hash, generation, must_change_password, created');

export function toOperator(row: OperatorRow): Operator {
  return {
    name: row.name,
    role: row.role as OperatorRole,
    passwordHash: row.password_hash,
    generation: Number(row.generation),
    mustChangePassword: Boolean(Number(row.must_change_password)),
    created: Number(row.created),
  };
}
