import { describe, expect, it } from 'vitest';
import { AddSuperAdmin } from '../add-super-admin/add-super-admin.js';
import { DissolveChatroom } from '../dissolve-chatroom/dissolve-chatroom.js';
import { SetAnnouncement } from '../set-announcement/set-announcement.js';
import { failureOf, TestWorld } from '../test-fixtures.js';
import { ListRoomEvents } from './list-room-events.js';

describe('ListRoomEvents', () => {
  it('pages one room’s events newest first with an opaque cursor, and keeps them after the room is dissolved', async () => {
    const w = await TestWorld.create();
    await w.users('alice', 'bob');
    const id = await w.room('alice', ['bob']);
    await w.room('alice');
    for (const text of ['a', 'b', 'c']) await new SetAnnouncement(w.deps).execute(w.app, id, text);
    await new DissolveChatroom(w.deps).execute(w.app, id);
    const list = new ListRoomEvents(w.deps);
    const first = await list.execute(w.app, id, { limit: 3 });
    expect(first.events.map((e) => e.operation)).toEqual(['LEAVE', 'DELETE', 'UPDATE']);
    const rest = await list.execute(w.app, id, { limit: 10, cursor: first.cursor! });
    expect(rest.events.map((e) => e.payload?.['announcement'] ?? e.operation)).toEqual(['b', 'a', 'JOIN', 'CREATE']);
    expect(rest.cursor).toBeUndefined();
  });

  it('super_admin names the app-wide events; an unknown room is an empty page', async () => {
    const w = await TestWorld.create();
    await w.users('alice');
    await new AddSuperAdmin(w.deps).execute(w.app, 'alice');
    const list = new ListRoomEvents(w.deps);
    expect((await list.execute(w.app, 'super_admin', {})).events.map((e) => e.operation)).toEqual(['ROOM_SUPER_ADMIN']);
    expect(await list.execute(w.app, '404', {})).toEqual({ events: [] });
  });

  it('refuses a bad cursor or limit', async () => {
    const w = await TestWorld.create();
    const list = new ListRoomEvents(w.deps);
    expect((await failureOf(list.execute(w.app, '1', { cursor: 'nope' }))).message).toBe('cursor is invalid');
    expect((await failureOf(list.execute(w.app, '1', { limit: 0 }))).message).toBe('limit must be a positive integer');
  });
});
