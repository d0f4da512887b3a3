import { describe, expect, it } from 'vitest';
import { DissolveChatroom } from '../dissolve-chatroom/dissolve-chatroom.js';
import { SetAnnouncement } from '../set-announcement/set-announcement.js';
import { failureOf, ROOM_404, TestWorld } from '../test-fixtures.js';
import { GetAnnouncement } from './get-announcement.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice');
  const id = await w.room('alice');
  const get = (roomId = id) => new GetAnnouncement(w.deps).execute(w.app, roomId);
  return { w, id, get };
}

describe('GetAnnouncement', () => {
  it('is empty for a new room', async () => {
    const { get } = await setup();
    expect(await get()).toBe('');
  });

  it('gives the announcement of its own room only', async () => {
    const { w, id, get } = await setup();
    const other = await w.room('alice');
    await new SetAnnouncement(w.deps).execute(w.app, id, 'hello');
    expect(await get()).toBe('hello');
    expect(await get(other)).toBe('');
  });

  it('refuses an unknown room', async () => {
    const { get } = await setup();
    expect(await failureOf(get('404'))).toEqual(ROOM_404);
  });

  it('refuses a dissolved room', async () => {
    const { w, id, get } = await setup();
    await new SetAnnouncement(w.deps).execute(w.app, id, 'hello');
    await new DissolveChatroom(w.deps).execute(w.app, id);
    expect((await failureOf(get())).code).toBe('ChatroomNotFound');
  });
});
