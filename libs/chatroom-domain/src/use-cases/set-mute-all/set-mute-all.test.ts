import { describe, expect, it } from 'vitest';
import { failureOf, ROOM_404, TestWorld } from '../test-fixtures.js';
import { SetMuteAll } from './set-mute-all.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob');
  const id = await w.room('alice', ['bob']);
  const set = (on: boolean, roomId = id) => new SetMuteAll(w.deps).execute(w.app, roomId, on);
  const flag = async (roomId = id) => (await w.details(roomId)).room.muteAll;
  return { w, id, set, flag };
}

describe('SetMuteAll', () => {
  it('turns the flag on, shown as muteAll in the details, and answers it', async () => {
    const { set, flag } = await setup();
    expect(await set(true)).toBe(true);
    expect(await flag()).toBe(true);
  });

  it('turns it off again', async () => {
    const { set, flag } = await setup();
    await set(true);
    expect(await set(false)).toBe(false);
    expect(await flag()).toBe(false);
  });

  it('turning it on twice is fine', async () => {
    const { set, flag } = await setup();
    await set(true);
    await set(true);
    expect(await flag()).toBe(true);
  });

  it('changes nothing else of the room, and no other room', async () => {
    const { w, id, set, flag } = await setup();
    const other = await w.room('bob');
    const before = await w.details(id);
    await set(true);
    expect(await w.details(id)).toEqual({ ...before, room: { ...before.room, muteAll: true } });
    expect(await flag(other)).toBe(false);
  });

  it('refuses an unknown room', async () => {
    const { set } = await setup();
    expect(await failureOf(set(true, '404'))).toEqual(ROOM_404);
  });
});
