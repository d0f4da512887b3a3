import { describe, expect, it } from 'vitest';
import { ATTRIBUTES_PER_ROOM_MAX } from '../model/room-attribute.js';
import { roomInfo, roomEvents } from '../model/room-event.js';
import { DeleteUser } from '../use-cases/delete-user/delete-user.js';
import { DeleteRoomAttributes } from '../use-cases/delete-room-attributes/delete-room-attributes.js';
import { ModifyChatroom } from '../use-cases/modify-chatroom/modify-chatroom.js';
import { SetRoomAttributes } from '../use-cases/set-room-attributes/set-room-attributes.js';
import { useStore, type StoreFactory, type StoreHandle } from './store-factory.js';
import { seedApp, seedRoom, seedUsers } from './store-fixtures.js';

/**
 * The settings commands (modify, room attributes) and a user's deletion through their use cases on every store: the
 * same results, refusals and events whether the store runs them as units over its repositories
 * or as one statement of its own.
 */
/** The error a call failed with. */
async function failureOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.fail('the call succeeded'),
    (error: unknown) => error,
  );
}

export function describeSettingsCommandsContract(name: string, factory: StoreFactory): void {
  describe(`${name}: settings commands`, () => {
    const store = useStore(factory);

    async function world(h: StoreHandle) {
      const app = await seedApp(h);
      const [owner, member, other, outsider] = await seedUsers(h, app, 4);
      const room = await seedRoom(h, app, owner!, [member!, other!], { maxUsers: 10 });
      const deps = { uow: h.uow };
      const events = async () => (await h.uow.read((r) => r.eventLog.roomPage(app.id, room.id, 10))).reverse();
      return { app, owner: owner!, member: member!, other: other!, outsider: outsider!, room, deps, events };
    }

    it('modify writes the fields asked and an INFO event showing the room as modified', async () => {
      const h = store().main;
      const { app, room, deps, events } = await world(h);
      expect(await new ModifyChatroom(deps).execute(app, room.id, { name: 'Hall', maxUsers: 3 })).toEqual({
        name: true,
        maxUsers: true,
      });
      const stored = await h.uow.read((r) => r.chatrooms.findById(app.id, room.id));
      expect(stored).toMatchObject({ name: 'Hall', description: room.description, maxUsers: 3, memberCount: 3 });
      const [updated] = await events();
      expect(updated).toMatchObject(roomEvents.updated(app, stored!));
      expect(updated!.payload).toEqual({ type: 'INFO', info: roomInfo(app, stored!) });
    });

    it('modify refuses a maxusers below the members, and an unknown room, writing nothing', async () => {
      const h = store().main;
      const { app, room, deps, events } = await world(h);
      expect(await failureOf(new ModifyChatroom(deps).execute(app, room.id, { name: 'x', maxUsers: 2 }))).toMatchObject(
        {
          code: 'MaxUsersBelowMemberCount',
          message: 'maxusers 2 is less than the current member count 3',
        },
      );
      expect(await failureOf(new ModifyChatroom(deps).execute(app, 'nosuchroom', { maxUsers: 20 }))).toMatchObject({
        message: 'grpID nosuchroom does not exist!',
      });
      expect(await h.uow.read((r) => r.chatrooms.findById(app.id, room.id))).toMatchObject({
        name: room.name,
        maxUsers: 10,
      });
      expect(await events()).toEqual([]);
    });

    it('set keeps one owner per key unless forced, and no more keys than the room may hold', async () => {
      const h = store().main;
      const { app, room, member, other, deps, events } = await world(h);
      const set = (user: string, metaData: Record<string, string>, forced = false) =>
        new SetRoomAttributes(deps).execute(app, room.id, user, { metaData, forced });
      await h.uow.write((r) =>
        r.roomAttributes.upsert(
          app.id,
          room.id,
          Array.from({ length: ATTRIBUTES_PER_ROOM_MAX - 2 }, (_, i) => ({
            key: `f${i}`,
            value: 'v',
            owner: member,
            autoDelete: true,
          })),
        ),
      );
      expect(await set(member, { a: '1' })).toEqual({ successKeys: ['a'], errorKeys: {} });
      expect(await set(other, { a: '2', b: '2', 'bad key': 'x', c: '2', d: '2' })).toEqual({
        successKeys: ['b'],
        errorKeys: {
          a: 'others are not allowed to be set',
          'bad key': expect.any(String),
          c: `the number of attributes of chatroom ${room.id} has reached the limit of ${ATTRIBUTES_PER_ROOM_MAX}`,
          d: `the number of attributes of chatroom ${room.id} has reached the limit of ${ATTRIBUTES_PER_ROOM_MAX}`,
        },
      });
      expect(await set(other, { a: '3' }, true)).toEqual({ successKeys: ['a'], errorKeys: {} });
      const attributes = await h.uow.read((r) => r.roomAttributes.list(app.id, room.id, ['a', 'b', 'c']));
      expect(attributes.map((a) => [a.key, a.value, a.owner])).toEqual([
        ['a', '3', other],
        ['b', '2', other],
      ]);
      const metadata = (await events()).map((e) => e.payload);
      expect(metadata.slice(1)).toEqual([
        { type: 'SET', user: other, properties: { b: '2' } },
        { type: 'SET', user: other, properties: { a: '3' } },
      ]);
    });

    it('set refuses a user not in the room and an unknown room; a set of nothing stores no event', async () => {
      const h = store().main;
      const { app, room, member, outsider, deps, events } = await world(h);
      const set = (roomId: string, user: string) =>
        new SetRoomAttributes(deps).execute(app, roomId, user, { metaData: { a: '1' }, forced: true });
      expect(await failureOf(set(room.id, outsider))).toMatchObject({ code: 'NotInChatroom' });
      expect(await failureOf(set('nosuchroom', member))).toMatchObject({ message: 'grpID nosuchroom does not exist!' });
      expect(
        await new SetRoomAttributes(deps).execute(app, room.id, member, {
          metaData: { 'bad key': '1' },
          forced: false,
        }),
      ).toMatchObject({ successKeys: [] });
      expect(await events()).toEqual([]);
    });

    it('delete removes own keys, anyone’s when forced, and names the missing and the others’', async () => {
      const h = store().main;
      const { app, room, member, other, outsider, deps, events } = await world(h);
      await new SetRoomAttributes(deps).execute(app, room.id, member, { metaData: { a: '1', b: '1' }, forced: false });
      const remove = (user: string, keys: string[], forced = false) =>
        new DeleteRoomAttributes(deps).execute(app, room.id, user, keys, forced);
      expect(await remove(other, ['a', 'zz', 'a'])).toEqual({
        successKeys: [],
        errorKeys: { a: 'others are not allowed to be deleted', zz: 'the key zz does not exist' },
      });
      expect(await failureOf(remove(outsider, ['a']))).toMatchObject({ code: 'NotInChatroom' });
      expect(await remove(outsider, ['b', 'a'], true)).toEqual({ successKeys: ['b', 'a'], errorKeys: {} });
      expect(await h.uow.read((r) => r.roomAttributes.list(app.id, room.id))).toEqual([]);
      expect((await events()).map((e) => e.payload).slice(1)).toEqual([
        { type: 'DELETE', user: outsider, keys: ['b', 'a'] },
      ]);
      expect(
        await failureOf(new DeleteRoomAttributes(deps).execute(app, 'nosuchroom', member, ['a'], true)),
      ).toMatchObject({
        message: 'grpID nosuchroom does not exist!',
      });
    });

    it('a user deletion leaves the rooms they are in, dissolves those they own, and stores their events', async () => {
      const h = store().main;
      const { app, room, owner, member, other, deps } = await world(h);
      const own = await seedRoom(h, app, member, [other, owner]);
      const user = await new DeleteUser(deps).execute(app, member);
      expect(user).toMatchObject({ appId: app.id, username: member });
      const [left] = await h.uow.read((r) => r.chatrooms.findByIds(app.id, [room.id, own.id]));
      expect(left).toMatchObject({ id: room.id, memberCount: 2 });
      expect(await h.uow.read((r) => r.chatrooms.findByIds(app.id, [own.id]))).toEqual([]);
      const page = async (roomId: string) =>
        (await h.uow.read((r) => r.eventLog.roomPage(app.id, roomId, 10))).reverse().map((e) => ({
          operation: e.operation,
          payload: e.payload,
          memberCount: e.memberCount,
        }));
      expect(await page(room.id)).toEqual([
        { operation: 'LEAVE', payload: { member: [member], type: 'KICK' }, memberCount: 2 },
      ]);
      expect(await page(own.id)).toEqual([
        { operation: 'DELETE', payload: undefined, memberCount: undefined },
        { operation: 'LEAVE', payload: { member: [member, other, owner], type: 'DELETE' }, memberCount: undefined },
      ]);
      expect(await h.uow.read((r) => r.users.findByUsername(app.id, member))).toBeNull();
      expect(await failureOf(new DeleteUser(deps).execute(app, member))).toMatchObject({
        code: 'UserResourceNotFound',
      });
      expect(await h.probes.counterMismatches()).toEqual([]);
    });
  });
}
