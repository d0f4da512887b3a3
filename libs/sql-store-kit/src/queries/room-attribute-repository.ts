import type { RoomAttribute, RoomAttributeRepository, UserId } from '@chatroom/domain';
import type { Kysely } from 'kysely';
import type { DialectShapes } from '../dialect-shapes.js';
import type { SharedDatabase } from '../schema/shared-tables.js';

/**
 * Room attributes, the same on both SQL stores but for the shapes of `DialectShapes`. Key order
 * is the key column's binary collation (code-unit order, as the primary key stores it).
 */
export class SqlRoomAttributeRepository implements RoomAttributeRepository {
  constructor(
    private readonly db: Kysely<SharedDatabase>,
    private readonly shapes: DialectShapes,
  ) {}

  async list(appId: string, roomId: string, keys?: readonly string[]): Promise<RoomAttribute[]> {
    if (keys?.length === 0) return [];
    let query = this.db
      .selectFrom('room_attributes')
      .select(['key', 'value', 'owner', 'auto_delete'])
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .orderBy('key');
    if (keys) query = query.where(this.shapes.anyOf('key', keys));
    const rows = await query.execute();
    return rows.map((r) => ({ key: r.key, value: r.value, owner: r.owner as UserId, autoDelete: r.auto_delete }));
  }

  async count(appId: string, roomId: string): Promise<number> {
    const { n } = await this.db
      .selectFrom('room_attributes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /**
   * One statement; a key given twice keeps its last attribute (an insert cannot touch one row
   * twice). Rows go in key order, so concurrent batches lock their keys in one order.
   */
  async upsert(appId: string, roomId: string, attributes: readonly RoomAttribute[]): Promise<void> {
    const byKey = new Map(attributes.map((a) => [a.key, a]));
    if (byKey.size === 0) return;
    const rows = [...byKey.values()]
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map((a) => ({
        app_id: appId,
        room_id: roomId,
        key: a.key,
        value: a.value,
        owner: a.owner,
        auto_delete: a.autoDelete,
      }));
    const insert = this.db.insertInto('room_attributes').values(rows);
    await this.shapes
      .overwriteOnConflict(insert, ['app_id', 'room_id', 'key'], ['value', 'owner', 'auto_delete'])
      .execute();
  }

  async remove(appId: string, roomId: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db
      .deleteFrom('room_attributes')
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where(this.shapes.anyOf('key', keys))
      .execute();
  }

  async removeAutoDeleteOf(appId: string, roomId: string, owners: readonly UserId[]): Promise<void> {
    if (owners.length === 0) return;
    await this.db
      .deleteFrom('room_attributes')
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where('auto_delete', '=', true)
      .where(this.shapes.anyOf('owner', owners))
      .execute();
  }
}
