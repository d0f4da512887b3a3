import { beforeAll, describe, expect, it } from 'vitest';
import { DissolveChatroom } from '../dissolve-chatroom/dissolve-chatroom.js';
import { failureOf, TestWorld } from '../test-fixtures.js';
import { ListChatrooms, type ListChatroomsInput } from './list-chatrooms.js';

async function setup(rooms: number) {
  const w = await TestWorld.create();
  await w.users('alice', 'bob');
  const ids: string[] = [];
  for (let i = 0; i < rooms; i++) ids.push(await w.room('alice', undefined, { name: `room ${i}` }));
  const list = (input: ListChatroomsInput = {}) => new ListChatrooms(w.deps).execute(w.app, input);
  return { w, newestFirst: ids.reverse(), list };
}

describe('ListChatrooms', () => {
  it('gives an empty page and no cursor for an app without rooms', async () => {
    const { list } = await setup(0);
    expect(await list()).toEqual({ rooms: [] });
  });

  it('lists the newest room first', async () => {
    const { list, newestFirst } = await setup(3);
    expect((await list()).rooms.map((r) => r.id)).toEqual(newestFirst);
  });

  it('gives each room its name, owner and member count', async () => {
    const { w, list } = await setup(0);
    const id = await w.room('alice', ['bob'], { name: 'Lobby' });
    expect((await list()).rooms).toEqual([
      expect.objectContaining({ id, name: 'Lobby', owner: 'alice', memberCount: 2 }),
    ]);
  });

  it('gives 10 rooms by default, with a cursor when more exist', async () => {
    const { list, newestFirst } = await setup(11);
    const page = await list();
    expect(page.rooms.map((r) => r.id)).toEqual(newestFirst.slice(0, 10));
    expect(page.cursor).toEqual(expect.any(String));
  });

  it('gives no cursor when the page holds exactly the last room', async () => {
    const { list } = await setup(10);
    expect((await list()).cursor).toBeUndefined();
  });

  it('continues after the cursor and ends without one', async () => {
    const { list, newestFirst } = await setup(5);
    const first = await list({ limit: 3 });
    const second = await list({ limit: 3, cursor: first.cursor! });
    expect(second.rooms.map((r) => r.id)).toEqual(newestFirst.slice(3));
    expect(second.cursor).toBeUndefined();
  });

  it('walks every room exactly once even when rooms are created between pages', async () => {
    const { w, list, newestFirst } = await setup(7);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.rooms.map((r) => r.id));
      cursor = page.cursor;
      await w.room('bob'); // a newer room: never part of the pages still to come
    } while (cursor);
    expect(seen).toEqual(newestFirst);
  });

  it('skips no room when a room of an earlier page is dissolved between pages', async () => {
    const { w, list, newestFirst } = await setup(4);
    const first = await list({ limit: 2 });
    await new DissolveChatroom(w.deps).execute(w.app, newestFirst[1]!);
    expect((await list({ limit: 2, cursor: first.cursor! })).rooms.map((r) => r.id)).toEqual(newestFirst.slice(2));
  });

  it('does not list the rooms of another app', async () => {
    const { w } = await setup(2);
    const other = await w.otherApp();
    expect((await new ListChatrooms(w.deps).execute(other, {})).rooms).toEqual([]);
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses limit %d', async (limit) => {
    const { list } = await setup(0);
    expect(await failureOf(list({ limit }))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'limit must be a positive integer',
    });
  });

  it.each(['nonsense', 'cr1', 'cr1!', ''])('refuses the cursor %j', async (cursor) => {
    const { list } = await setup(1);
    expect(await failureOf(list({ cursor }))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidCursor',
      message: 'cursor is invalid',
    });
  });

  describe('with 1001 rooms', () => {
    let world: Awaited<ReturnType<typeof setup>>;
    beforeAll(async () => {
      world = await setup(1001);
    });

    it('clamps a limit above 1000 to 1000', async () => {
      const page = await world.list({ limit: 5000 });
      expect(page.rooms).toHaveLength(1000);
      expect(page.cursor).toEqual(expect.any(String));
    });

    it('gives exactly 1000 rooms for limit 1000', async () => {
      const page = await world.list({ limit: 1000 });
      expect(page.rooms.map((r) => r.id)).toEqual(world.newestFirst.slice(0, 1000));
    });
  });
});
