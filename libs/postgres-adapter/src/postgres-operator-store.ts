import type { Operator, OperatorStore } from '@chatroom/domain';
import { OPERATOR_COLUMNS, toOperator, type OperatorRow } from '@chatroom/sql-store-kit';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema/database.js';

export class PostgresOperatorStore implements OperatorStore {
  constructor(private readonly db: Kysely<Database>) {}

  async add(operator: Operator): Promise<boolean> {
    const { rows } = await sql<{ name: string }>`
      INSERT INTO operators (${OPERATOR_COLUMNS})
      VALUES (${operator.name}, ${operator.role}, ${operator.passwordHash}, ${operator.generation},
        ${operator.mustChangePassword}, ${operator.created})
      ON CONFLICT (name) DO NOTHING RETURNING name
    `.execute(this.db);
    return rows.length === 1;
  }

  async find(name: string): Promise<Operator | null> {
    const { rows } = await sql<OperatorRow>`SELECT ${OPERATOR_COLUMNS} FROM operators WHERE name = ${name}`.execute(
      this.db,
    );
    return rows[0] ? toOperator(rows[0]) : null;
  }

  async list(): Promise<Operator[]> {
    const { rows } =
      await sql<OperatorRow>`SELECT ${OPERATOR_COLUMNS} FROM operators ORDER BY name COLLATE "C"`.execute(this.db);
    return rows.map(toOperator);
  }

  async remove(name: string): Promise<boolean> {
    const { rows } = await sql<{ name: string }>`DELETE FROM operators WHERE name = ${name} RETURNING name`.execute(
      this.db,
    );
    return rows.length === 1;
  }

  async setPassword(name: string, passwordHash: string, mustChangePassword: boolean): Promise<Operator | null> {
    const { rows } = await sql<OperatorRow>`
      UPDATE operators SET password_hash = ${passwordHash}, must_change_password = ${mustChangePassword},
        generation = generation + 1
      WHERE name = ${name} RETURNING ${OPERATOR_COLUMNS}
    `.execute(this.db);
    return rows[0] ? toOperator(rows[0]) : null;
  }
}
