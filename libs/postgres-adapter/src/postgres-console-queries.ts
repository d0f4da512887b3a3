import type { DeliveryCounts } from '@chatroom/domain';
import { SqlConsoleQueriesBase, sharedTables, type SharedDatabase } from '@chatroom/sql-store-kit';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema/database.js';
import type { KeyedTransactions } from './keyed-transactions.js';

/** The kit's console reads; PostgreSQL counts deliveries by state with `count(*) FILTER` over one `uuid[]`. */
export class PostgresConsoleQueries extends SqlConsoleQueriesBase {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly keyed?: KeyedTransactions,
  ) {
    super(sharedTables(db));
  }

  protected override writer(): Kysely<SharedDatabase> {
    return sharedTables(this.keyed?.current()?.trx ?? this.db);
  }

  async deliveryCounts(ruleIds: readonly string[]): Promise<Map<string, DeliveryCounts>> {
    if (ruleIds.length === 0) return new Map();
    const { rows } = await sql<{ rule_id: string; pending: string | number; dead: string | number }>`
      SELECT rule_id, count(*) FILTER (WHERE state = 'pending') AS pending, count(*) FILTER (WHERE state = 'dead') AS dead
      FROM event_deliveries WHERE rule_id = ANY (${[...ruleIds]}::uuid[]) GROUP BY rule_id
    `.execute(this.db);
    return new Map(rows.map((row) => [row.rule_id, { pending: Number(row.pending), dead: Number(row.dead) }]));
  }
}
