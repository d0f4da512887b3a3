import { sql, type RawBuilder } from 'kysely';

/**
 * A CTE `touched` giving the room's row a new version (a self-assignment) when `when` holds.
 * Setting a mute changes no column of the room, yet a lift that waited for the room's lock
 * decides on the mutes its snapshot shows: the new version is what its `fresh` check sees, so
 * that it runs again on the committed mutes instead of missing one set while it waited.
 */
export function touchedRoom(appId: string, roomId: string, when: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`touched AS (
    UPDATE rooms SET mute_all = mute_all WHERE app_id = ${appId} AND id = ${roomId} AND ${when}
  )`;
}
