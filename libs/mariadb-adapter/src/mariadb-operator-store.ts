import type { Operator, OperatorStore } from '@chatroom/domain';
import { OPERATOR_COLUMNS, toOperator, type OperatorRow } from '@chatroom/sql-store-kit';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema/database.js';

export class MariadbOperatorStore implements OperatorStore {
  constructor(private readonly db: Kysely<Database>) {}

  async add(operator: Operator): Promise<boolean> {
    const { numAffectedRows } = await sql`
      INSERT IGNORE INTO operators (${OPERATOR_COLUMNS})
      VALUES (${operator.name}, ${operator.role}, ${operator.passwordHash}, ${operator.generation},
        ${operator.mustChangePassword}, ${operator.created})
    `.execute(this.db);
    return Number(numAffectedRows ?? 0n) === 1;
  }

  async find(name: string): Promise<Operator | null> {
    const { rows } = await sql<OperatorRow>`SELECT ${OPERATOR_COLUMNS} FROM operators WHERE name = ${name}`.execute(
      this.db,
    );
    return rows[0] ? toOperator(rows[0]) : null;
  }

  async list(): Promise<Operator[]> {
    const { rows } = await sql<OperatorRow>`SELECT ${OPERATOR_COLUMNS} FROM operators ORDER BY name`.execute(this.db);
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
      const { rows } = await sql<OperatorRow>`SELECT ${OPERATOR_COLUMNS} FROM operators WHERE name = ${name}`.execute(
        trx,
      );
      return rows[0] ? toOperator(rows[0]) : null;
    });
  }
}
