import { formatRateLimit, parseRateLimit, type App, type AppRepository, type AppUsage } from '@chatroom/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AppsTable, Database } from './schema/database.js';

export class KyselyAppRepository implements AppRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByName(org: string, name: string): Promise<App | null> {
    const row = await this.byName(org, name).executeTakeFirst();
    return row ? toApp(row) : null;
  }

  async findByNameForUpdate(org: string, name: string): Promise<App | null> {
    const row = await this.byName(org, name).forUpdate().executeTakeFirst();
    return row ? toApp(row) : null;
  }

  private byName(org: string, name: string) {
    return this.db.selectFrom('apps').selectAll().where('org', '=', org).where('name', '=', name);
  }

  async count(): Promise<number> {
    const { n } = await this.db
      .selectFrom('apps')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
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
    const replaced = { client_id: app.clientId, client_secret_hash: app.clientSecretHash, ...settingsColumns(app) };
    // One statement, so two instances ensuring the same app at once cannot both insert it.
    const row = await this.db
      .insertInto('apps')
      .values(insertedRow(app))
      .onConflict((oc) => oc.columns(['org', 'name']).doUpdateSet(replaced))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toApp(row);
  }

  async insert(app: App): Promise<boolean> {
    const row = await this.db
      .insertInto('apps')
      .values(insertedRow(app))
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
        ...settingsColumns(app),
      })
      .where('id', '=', app.id)
      .executeTakeFirst();
    return numUpdatedRows > 0n;
  }

  async delete(appId: string): Promise<boolean> {
    // Rooms first (memberships and everything else of a room go with them by CASCADE): a
    // membership still names its user, and users may not go before their memberships (NO ACTION).
    // Then the app, and its users with it. The caller's unit of work makes it one change.
    await this.db.deleteFrom('rooms').where('app_id', '=', appId).execute();
    const { numDeletedRows } = await this.db.deleteFrom('apps').where('id', '=', appId).executeTakeFirst();
    return numDeletedRows > 0n;
  }
}

function settingsColumns({ settings }: App) {
  return {
    room_quota: settings.roomQuota,
    joined_room_cap: settings.joinedRoomCap,
    max_users_ceiling: settings.maxUsersCeiling,
    custom_room_ids: settings.customRoomIds,
    rate_limit: formatRateLimit(settings.rateLimit),
  };
}

function insertedRow(app: App) {
  return {
    id: app.id,
    org: app.org,
    name: app.name,
    client_id: app.clientId,
    client_secret_hash: app.clientSecretHash,
    token_key: app.tokenKey,
    key_generation: app.keyGeneration,
    created: app.created,
    ...settingsColumns(app),
  };
}

function toApp(row: Selectable<AppsTable>): App {
  return {
    id: row.id,
    org: row.org,
    name: row.name,
    clientId: row.client_id,
    clientSecretHash: row.client_secret_hash,
    tokenKey: row.token_key,
    keyGeneration: row.key_generation,
    settings: {
      roomQuota: row.room_quota,
      joinedRoomCap: row.joined_room_cap,
      maxUsersCeiling: row.max_users_ceiling,
      customRoomIds: row.custom_room_ids,
      // The column's CHECK admits only what parses.
      rateLimit: parseRateLimit(row.rate_limit) ?? 'off',
    },
    created: row.created,
  };
}
