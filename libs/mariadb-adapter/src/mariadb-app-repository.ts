import { formatRateLimit, parseRateLimit, type App, type AppRepository, type AppUsage } from '@chatroom/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AppsTable, Database } from './schema/database.js';

export class MariadbAppRepository implements AppRepository {
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
    const replaced = { client_id: app.clientId, client_secret_hash: app.clientSecretHash, ...settingsColumns(app) };
    await this.db
      .insertInto('apps')
      .values(insertedRow(app))
      .onDuplicateKeyUpdate(Object.fromEntries(Object.keys(replaced).map((column) => [column, sql`VALUES(${sql.ref(column)})`])))
      .execute();
    const stored = await this.findByName(app.org, app.name);
    if (!stored) throw new Error('the app vanished right after its upsert');
    return stored;
  }

  /** Insert-or-skip: a no-op ON DUPLICATE KEY UPDATE changes no row (0 affected) when org/name is taken. */
  async insert(app: App): Promise<boolean> {
    const result = await this.db
      .insertInto('apps')
      .values(insertedRow(app))
      .onDuplicateKeyUpdate({ id: sql`id` })
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** The row is looked up under lock first: affected rows count changes, and an update to the same values changes none. */
  async update(app: App): Promise<boolean> {
    const exists = await this.db.selectFrom('apps').select('id').where('id', '=', app.id).forUpdate().executeTakeFirst();
    if (!exists) return false;
    await this.db
      .updateTable('apps')
      .set({
        client_id: app.clientId,
        client_secret_hash: app.clientSecretHash,
        token_key: app.tokenKey,
        key_generation: app.keyGeneration,
        ...settingsColumns(app),
      })
      .where('id', '=', app.id)
      .execute();
    return true;
  }

  async delete(appId: string): Promise<boolean> {
    // Rooms first (memberships and everything else of a room go with them by CASCADE): a
    // membership still names its user, and users may not go before their memberships (no
    // cascade). Then the app, and its users with it. The caller's unit of work makes it one change.
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
