import type { Operator, OperatorRole, OperatorStore } from '@chatroom/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema/database.js';

interface OperatorRow {
  name: string;
  role: string;
  password_hash: string;
  generation: number;
  must_change_password: boolean;
  created: string | number;
}

const COLUMNS = sql.raw('name, role, password_hash, generation, must_change_password, created');

export class KyselyOperatorStore implements OperatorStore {
  constructor(private readonly db: Kysely<Database>) {}

  async add(operator: Operator): Promise<boolean> {
    const { rows } = await sql<{ name: string }>`
      INSERT INTO operators (${COLUMNS})
      VALUES (${operator.name}, ${operator.role}, ${operator.passwordHash}, ${operator.generation},
        ${operator.mustChangePassword}, ${operator.created})
      ON CONFLICT (name) DO NOTHING RETURNING name
    `.execute(this.db);
    return rows.length === 1;
  }

  async find(name: string): Promise<Operator | null> {
    const { rows } = await sql<OperatorRow>`SELECT ${COLUMNS} FROM operators WHERE name = ${name}`.execute(this.db);
    return rows[0] ? toOperator(rows[0]) : null;
  }

  async list(): Promise<Operator[]> {
    const { rows } = await sql<OperatorRow>`SELECT ${COLUMNS} FROM operators ORDER BY name COLLATE "C"`.execute(this.db);
    return rows.map(toOperator);
  }

  async remove(name: string): Promise<boolean> {
    const { rows } = await sql<{ name: string }>`DELETE FROM operators WHERE name = ${name} RETURNING name`.execute(this.db);
    return rows.length === 1;
  }

  async setPassword(name: string, passwordHash: string, mustChangePassword: boolean): Promise<Operator | null> {
    const { rows } = await sql<OperatorRow>`
      UPDATE operators SET password_hash = ${passwordHash}, must_change_password = ${mustChangePassword},
        generation = generation + 1
      WHERE name = ${name} RETURNING ${COLUMNS}
    `.execute(this.db);
    return rows[0] ? toOperator(rows[0]) : null;
  }
}

function toOperator(row: OperatorRow): Operator {
  return {
    name: row.name,
    role: row.role as OperatorRole,
    passwordHash: row.password_hash,
    generation: Number(row.generation),
    mustChangePassword: row.must_change_password,
    created: Number(row.created),
  };
}
