import { formatRateLimit, parseRateLimit, type App, type AppRepository } from '@chatroom/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AppsTable, Database } from './schema/database.js';

export class MariadbAppRepository implements AppRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByName(org: string, name: string): Promise<App | null> {
    const row = await this.db
      .selectFrom('apps')
      .selectAll()
      .where('org', '=', org)
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? toApp(row) : null;
  }

  async count(): Promise<number> {
    const { n } = await this.db
      .selectFrom('apps')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /**
   * One INSERT … ON DUPLICATE KEY UPDATE, so two instances ensuring the same app at once cannot
   * both insert it; it leaves the existing row's id, token key and creation time alone. Then the
   * stored row is read back (RETURNING after an update would give the values before it).
   */
  async upsert(app: App): Promise<App> {
    const { settings } = app;
    const replaced = {
      client_id: app.clientId,
      client_secret_hash: app.clientSecretHash,
      room_quota: settings.roomQuota,
      joined_room_cap: settings.joinedRoomCap,
      max_users_ceiling: settings.maxUsersCeiling,
      custom_room_ids: settings.customRoomIds,
      rate_limit: formatRateLimit(settings.rateLimit),
    };
    await this.db
      .insertInto('apps')
      .values({ id: app.id, org: app.org, name: app.name, token_key: app.tokenKey, created: app.created, ...replaced })
      .onDuplicateKeyUpdate(
        Object.fromEntries(Object.keys(replaced).map((column) => [column, sql`VALUES(${sql.ref(column)})`])),
      )
      .execute();
    const stored = await this.findByName(app.org, app.name);
    if (!stored) throw new Error('the app vanished right after its upsert');
    return stored;
  }
}

function toApp(row: Selectable<AppsTable>): App {
  return {
    id: row.id,
    org: row.org,
    name: row.name,
    clientId: row.client_id,
    clientSecretHash: row.client_secret_hash,
    tokenKey: row.token_key,
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
