import type { App, AppRepository, AppUsage } from '@chatroom/domain';
import { appRow, appSettingsColumns, SqlAppRepositoryBase, toApp, sharedTables } from '@chatroom/sql-store-kit';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema/database.js';

export class MariadbAppRepository extends SqlAppRepositoryBase implements AppRepository {
  constructor(private readonly db: Kysely<Database>) {
    super(sharedTables(db));
  }

  /** The columns' binary collation orders by code point, as the in-memory adapter does. */
  async list(): Promise<App[]> {
    const rows = await this.db.selectFrom('apps').selectAll().orderBy('org').orderBy('name').execute();
    return rows.map(toApp);
  }

  async usage(appId: string): Promise<AppUsage> {
    const row = await this.db
      .selectNoFrom((eb) => [
        eb.selectFrom('rooms').where('app_id', '=', appId).select(eb.fn.countAll<number>().as('n')).as('rooms'),
        eb.selectFrom('users').where('app_id', '=', appId).select(eb.fn.countAll<number>().as('n')).as('users'),
      ])
      .executeTakeFirstOrThrow();
    return { rooms: Number(row.rooms), users: Number(row.users) };
  }

  /**
   * One INSERT … ON DUPLICATE KEY UPDATE, so two instances ensuring the same app at once cannot
   * both insert it; it leaves the existing row's id, token key, key generation and creation
   * time alone. Then the stored row is read back (MariaDB has no UPDATE … RETURNING).
   */
  async upsert(app: App): Promise<App> {
    const replaced = { client_id: app.clientId, client_secret_hash: app.clientSecretHash, ...appSettingsColumns(app) };
    await this.db
      .insertInto('apps')
      .values(appRow(app))
      .onDuplicateKeyUpdate(
        Object.fromEntries(Object.keys(replaced).map((column) => [column, sql`VALUES(${sql.ref(column)})`])),
      )
      .execute();
    const stored = await this.findByName(app.org, app.name);
    if (!stored) throw new Error('the app vanished right after its upsert');
    return stored;
  }

  /** Insert-or-skip: a no-op ON DUPLICATE KEY UPDATE changes no row (0 affected) when org/name is taken. */
  async insert(app: App): Promise<boolean> {
    const result = await this.db
      .insertInto('apps')
      .values(appRow(app))
      .onDuplicateKeyUpdate({ id: sql`id` })
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** The row is looked up under lock first: affected rows count changes, and an update to the same values changes none. */
  async update(app: App): Promise<boolean> {
    const exists = await this.db
      .selectFrom('apps')
      .select('id')
      .where('id', '=', app.id)
      .forUpdate()
      .executeTakeFirst();
    if (!exists) return false;
    await this.db
      .updateTable('apps')
      .set({
        client_id: app.clientId,
        client_secret_hash: app.clientSecretHash,
        token_key: app.tokenKey,
        key_generation: app.keyGeneration,
        ...appSettingsColumns(app),
      })
      .where('id', '=', app.id)
      .execute();
    return true;
  }
}
