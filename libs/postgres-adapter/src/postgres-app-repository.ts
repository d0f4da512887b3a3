import type { App, AppRepository, AppUsage } from '@chatroom/domain';
import { appRow, appSettingsColumns, SqlAppRepositoryBase, toApp, sharedTables } from '@chatroom/sql-store-kit';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema/database.js';

export class PostgresAppRepository extends SqlAppRepositoryBase implements AppRepository {
  constructor(private readonly db: Kysely<Database>) {
    super(sharedTables(db));
  }

  async list(): Promise<App[]> {
    // COLLATE "C": the same order whatever the database's locale, and the in-memory adapter's.
    const rows = await this.db
      .selectFrom('apps')
      .selectAll()
      .orderBy(sql`org COLLATE "C"`)
      .orderBy(sql`name COLLATE "C"`)
      .execute();
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

  async upsert(app: App): Promise<App> {
    const replaced = { client_id: app.clientId, client_secret_hash: app.clientSecretHash, ...appSettingsColumns(app) };
    // One statement, so two instances ensuring the same app at once cannot both insert it.
    const row = await this.db
      .insertInto('apps')
      .values(appRow(app))
      .onConflict((oc) => oc.columns(['org', 'name']).doUpdateSet(replaced))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toApp(row);
  }

  async insert(app: App): Promise<boolean> {
    const row = await this.db
      .insertInto('apps')
      .values(appRow(app))
      .onConflict((oc) => oc.columns(['org', 'name']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async update(app: App): Promise<boolean> {
    const { numUpdatedRows } = await this.db
      .updateTable('apps')
      .set({
        client_id: app.clientId,
        client_secret_hash: app.clientSecretHash,
        token_key: app.tokenKey,
        key_generation: app.keyGeneration,
        ...appSettingsColumns(app),
      })
      .where('id', '=', app.id)
      .executeTakeFirst();
    return numUpdatedRows > 0n;
  }
}
