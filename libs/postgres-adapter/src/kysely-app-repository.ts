import { formatRateLimit, parseRateLimit, type App, type AppRepository } from '@chatroom/domain';
import type { Kysely, Selectable } from 'kysely';
import type { AppsTable, Database } from './schema/database.js';

export class KyselyAppRepository implements AppRepository {
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
    // One statement, so two instances ensuring the same app at once cannot both insert it.
    const row = await this.db
      .insertInto('apps')
      .values({ id: app.id, org: app.org, name: app.name, token_key: app.tokenKey, created: app.created, ...replaced })
      .onConflict((oc) => oc.columns(['org', 'name']).doUpdateSet(replaced))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toApp(row);
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
      rateLimit: parseRateLimit(row.rate_limit) ?? 'off',
    },
    created: row.created,
  };
}
