import { describe, expect, it } from 'vitest';
import type { OpenStore } from './store-factory.js';
import {
  makeRoom,
  NO_EXTRAS,
  roomExtrasOf,
  roomOf,
  seedApp,
  seedRoom,
  seedRoomExtras,
  seedUsers,
  tryInsertRoom,
  uniqueSuffix,
  writeThenFail,
} from './store-fixtures.js';

const EMOJI = '😀'; // one code point, two UTF-16 units, four UTF-8 bytes

/**
 * The ChatroomRepository behaviour behind moderation: the announcement, the mute-all flag,
 * and a delete that takes the room's lists, mutes and attributes with it. Registered inside
 * the ChatroomRepository contract, on its store.
 */
export function describeChatroomModeration(store: () => OpenStore): void {
  async function room() {
    const h = store().main;
    const app = await seedApp(h);
    const [owner, member, outsider] = await seedUsers(h, app, 3);
    const stored = await seedRoom(h, app, owner!, [member!], { id: `mod${uniqueSuffix()}` });
    const announcement = (id = stored.id) => h.uow.read((r) => r.chatrooms.announcement(app.id, id));
    return { h, app, owner: owner!, member: member!, outsider: outsider!, room: stored, announcement };
  }

  describe('announcement and mute-all', () => {
    it('announcement is empty for a new room, null for an unknown room and for another app', async () => {
      const { h, room: r0, announcement } = await room();
      const other = await seedApp(h);
      expect(await announcement()).toBe('');
      expect(await announcement('nosuchroom')).toBeNull();
      expect(await h.uow.read((r) => r.chatrooms.announcement(other.id, r0.id))).toBeNull();
    });

    it('update sets the announcement, any Unicode up to 512 characters, and changes no room field', async () => {
      const { h, app, room: r0, announcement } = await room();
      await h.uow.write((r) => r.chatrooms.update(app.id, r0.id, { announcement: `${EMOJI.repeat(511)}!` }));
      expect(await announcement()).toBe(`${EMOJI.repeat(511)}!`);
      expect(await roomOf(h, app, r0.id)).toEqual(r0);
    });

    it('an empty announcement clears it, and patches without one leave it alone', async () => {
      const { h, app, room: r0, announcement } = await room();
      await h.uow.write((r) => r.chatrooms.update(app.id, r0.id, { announcement: 'news' }));
      await h.uow.write((r) => r.chatrooms.update(app.id, r0.id, { name: 'renamed', muteAll: true }));
      expect(await announcement()).toBe('news');
      await h.uow.write((r) => r.chatrooms.update(app.id, r0.id, { announcement: '' }));
      expect(await announcement()).toBe('');
    });

    it('update turns muteAll on and off, changing nothing else', async () => {
      const { h, app, room: r0 } = await room();
      await h.uow.write((r) => r.chatrooms.update(app.id, r0.id, { muteAll: true }));
      expect(await roomOf(h, app, r0.id)).toEqual({ ...r0, muteAll: true });
      await h.uow.write((r) => r.chatrooms.update(app.id, r0.id, { muteAll: false }));
      expect(await roomOf(h, app, r0.id)).toEqual(r0);
    });

    it('one patch may change every field at once', async () => {
      const { h, app, room: r0, announcement } = await room();
      await h.uow.write((r) =>
        r.chatrooms.update(app.id, r0.id, {
          name: 'n',
          description: 'd',
          maxUsers: 7,
          muteAll: true,
          announcement: 'a',
        }),
      );
      expect(await roomOf(h, app, r0.id)).toEqual({ ...r0, name: 'n', description: 'd', maxUsers: 7, muteAll: true });
      expect(await announcement()).toBe('a');
    });

    it('update touches only the room of its own app', async () => {
      const { h, app, room: r0, announcement } = await room();
      const other = await seedApp(h);
      const [otherOwner] = await seedUsers(h, other, 1);
      await seedRoom(h, other, otherOwner!, [], { id: r0.id });
      await h.uow.write((r) => r.chatrooms.update(other.id, r0.id, { announcement: 'elsewhere', muteAll: true }));
      expect(await announcement()).toBe('');
      expect(await roomOf(h, app, r0.id)).toEqual(r0);
    });

    it('a throwing write undoes its announcement and mute-all changes', async () => {
      const { h, app, room: r0, announcement } = await room();
      await h.uow.write((r) => r.chatrooms.update(app.id, r0.id, { announcement: 'kept' }));
      await writeThenFail(h, (r) => r.chatrooms.update(app.id, r0.id, { announcement: 'lost', muteAll: true }));
      expect(await announcement()).toBe('kept');
      expect(await roomOf(h, app, r0.id)).toEqual(r0);
    });
  });

  describe('delete takes everything of the room with it', () => {
    it('its lists, mutes, attributes and announcement go; another room’s stay', async () => {
      const { h, app, owner, member, outsider, room: r0 } = await room();
      const neighbour = await seedRoom(h, app, owner, [member]);
      await seedRoomExtras(h, app, r0.id, outsider, member);
      const kept = await seedRoomExtras(h, app, neighbour.id, outsider, member);
      expect(await h.uow.write((r) => r.chatrooms.delete(app.id, r0.id))).toBe(true);
      expect(await roomExtrasOf(h, app, r0.id)).toEqual(NO_EXTRAS);
      expect(await h.uow.read((r) => r.roomAttributes.count(app.id, r0.id))).toBe(0);
      expect(await roomExtrasOf(h, app, neighbour.id)).toEqual(kept);
    });

    it('a room inserted again with the same id starts with nothing of the old one', async () => {
      const { h, app, owner, member, outsider, room: r0 } = await room();
      await seedRoomExtras(h, app, r0.id, outsider, member);
      await h.uow.write((r) => r.chatrooms.delete(app.id, r0.id));
      expect(await tryInsertRoom(h, await makeRoom(h, app, owner, { id: r0.id }), 100)).toBe('inserted');
      expect(await roomExtrasOf(h, app, r0.id)).toEqual({ ...NO_EXTRAS, announcement: '' });
    });

    it('a throwing write of a delete brings them all back', async () => {
      const { h, app, member, outsider, room: r0 } = await room();
      const before = await seedRoomExtras(h, app, r0.id, outsider, member);
      await writeThenFail(h, (r) => r.chatrooms.delete(app.id, r0.id));
      expect(await roomExtrasOf(h, app, r0.id)).toEqual(before);
    });
  });
}
