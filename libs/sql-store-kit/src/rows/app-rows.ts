import { formatRateLimit, parseRateLimit, type App } from '@chatroom/domain';
import type { Kysely, Selectable } from 'kysely';
import type { AppsTable, SharedDatabase } from '../schema/shared-tables.js';

/** The columns an app's settings are stored in. */
export function appSettingsColumns({ settings }: App) {
  return {
    room_quota: settings.roomQuota,
    joined_room_cap: settings.joinedRoomCap,
    max_users_ceiling: settings.maxUsersCeiling,
    custom_room_ids: settings.customRoomIds,
    rate_limit: formatRateLimit(settings.rateLimit),
  };
}

/** The row a new app is inserted as. */
export function appRow(app: App) {
  return {
    id: app.id,
    org: app.org,
    name: app.name,
    client_id: app.clientId,
    client_secret_hash: app.clientSecretHash,
    token_key: app.tokenKey,
    key_generation: app.keyGeneration,
    created: app.created,
    ...appSettingsColumns(app),
  };
}

export function toApp(row: Selectable<AppsTable>): App {
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

/**
 * Rooms first (memberships and everything else of a room go with them by CASCADE): a membership
 * still names its user, and users may not go before their memberships. Then the app, and its
 * users with it. The caller's unit of work makes it one change.
 */
export async function deleteApp(db: Kysely<SharedDatabase>, appId: string): Promise<boolean> {
  await db.deleteFrom('rooms').where('app_id', '=', appId).execute();
  const { numDeletedRows } = await db.deleteFrom('apps').where('id', '=', appId).executeTakeFirst();
  return numDeletedRows > 0n;
}
