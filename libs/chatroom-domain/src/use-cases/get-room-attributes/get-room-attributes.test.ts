import { describe, expect, it } from 'vitest';
import { SetRoomAttributes } from '../set-room-attributes/set-room-attributes.js';
import { failureOf, ROOM_404, TestWorld } from '../test-fixtures.js';
import { GetRoomAttributes } from './get-room-attributes.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob');
  const id = await w.room('alice', ['bob']);
  const set = (username: string, metaData: Record<string, string>) =>
    new SetRoomAttributes(w.deps).execute(w.app, id, username, { metaData, forced: false });
  await set('alice', { topic: 'cats', lang: 'en' });
  await set('bob', { mood: 'happy' });
  const get = (keys?: string[], roomId = id) => new GetRoomAttributes(w.deps).execute(w.app, roomId, keys);
  return { w, get };
}

describe('GetRoomAttributes', () => {
  it('gives every attribute of the room, whoever set it', async () => {
    const { get } = await setup();
    expect(await get()).toEqual({ lang: 'en', mood: 'happy', topic: 'cats' });
  });

  it('gives every attribute when the key list is empty', async () => {
    const { get } = await setup();
    expect(await get([])).toEqual({ lang: 'en', mood: 'happy', topic: 'cats' });
  });

  it('gives only the keys asked for; unknown keys are left out', async () => {
    const { get } = await setup();
    expect(await get(['mood', 'nothing', 'topic'])).toEqual({ mood: 'happy', topic: 'cats' });
  });

  it('a room without attributes gives an empty object', async () => {
    const { w, get } = await setup();
    expect(await get(undefined, await w.room('bob'))).toEqual({});
  });

  it('refuses an unknown room', async () => {
    const { get } = await setup();
    expect(await failureOf(get(undefined, '404'))).toEqual(ROOM_404);
  });
});
