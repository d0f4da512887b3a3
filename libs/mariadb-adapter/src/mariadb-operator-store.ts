import type { Operator, OperatorRole, OperatorStore } from '@chatroom/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema/database.js';

interface OperatorRow {
  name: string;
  role: string;
  password_hash: string;
  generation: number | string;
  must_change_password: number | boolean;
  created: number | string;
}

const COLUMNS = sql.raw('name, role, password_hash, generation, must_change_password, created');

export class MariadbOperatorStore implements OperatorStore {
  constructor(private readonly db: Kysely<Database>) {}

  async add(operator: Operator): Promise<boolean> {
    const { numAffectedRows } = await sql`
      INSERT IGNORE INTO operators (${COLUMNS})
      VALUES (${operator.name}, ${operator.role}, ${operator.passwordHash}, ${operator.generation},
        ${operator.mustChangePassword}, ${operator.created})
    `.execute(this.db);
    return Number(numAffectedRows ?? 0n) === 1;
  }

  async find(name: string): Promise<Operator | null> {
    const { rows } = await sql<OperatorRow>`SELECT ${COLUMNS} FROM operators WHERE name = ${name}`.execute(this.db);
    return rows[0] ? toOperator(rows[0]) : null;
  }

  async list(): Promise<Operator[]> {
    const { rows } = await sql<OperatorRow>`SELECT ${COLUMNS} FROM operators ORDER BY name`.execute(this.db);
    return rows.map(toOperator);
  }

  async remove(name: string): Promise<boolean> {
    const { numAffectedRows } = await sql`DELETE FROM operators WHERE name = ${name}`.execute(this.db);
    return Number(numAffectedRows ?? 0n) === 1;
  }

  /** MariaDB's RETURNING is for INSERT and DELETE only: the update and the read share one transaction. */
  async setPassword(name: string, passwordHash: string, mustChangePassword: boolean): Promise<Operator | null> {
    return this.db.transaction().execute(async (trx) => {
      const { numAffectedRows } = await sql`
        UPDATE operators SET password_hash = ${passwordHash}, must_change_password = ${mustChangePassword},
          generation = generation + 1
        WHERE name = ${name}
      `.execute(trx);
      if (Number(numAffectedRows ?? 0n) !== 1) return null;
      const { rows } = await sql<OperatorRow>`SELECT ${COLUMNS} FROM operators WHERE name = ${name}`.execute(trx);
      return rows[0] ? toOperator(rows[0]) : null;
    });
  }
}

function toOperator(row: OperatorRow): Operator {
  return {
    name: row.name,
    role: row.role as OperatorRole,
    passwordHash: row.password_hash,
    generation: Number(row.generation),
    mustChangePassword: Boolean(Number(row.must_change_password)),
    created: Number(row.created),
  };
}
