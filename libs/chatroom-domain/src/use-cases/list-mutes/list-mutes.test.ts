import { describe, expect, it } from 'vitest';
import { MuteMembers } from '../mute-members/mute-members.js';
import { SetMuteAll } from '../set-mute-all/set-mute-all.js';
import { failureOf, ROOM_404, TestWorld } from '../test-fixtures.js';
import { ListMutes } from './list-mutes.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol', 'dave');
  const id = await w.room('alice', ['bob', 'carol', 'dave']);
  const mute = (usernames: string[], duration: number) =>
    new MuteMembers(w.deps).execute(w.app, id, usernames, duration);
  const list = async (roomId = id) =>
    (await new ListMutes(w.deps).execute(w.app, roomId)).map((m) => `${m.username}:${m.expiresAt}`);
  const start = w.deps.clock.now();
  return { w, id, mute, list, start };
}

describe('ListMutes', () => {
  it('lists the mutes in force in the order they were set', async () => {
    const { mute, list, start } = await setup();
    await mute(['carol'], 5000);
    await mute(['bob'], -1);
    expect(await list()).toEqual([`carol:${start + 5000}`, 'bob:-1']);
  });

  it('expired mutes vanish by themselves, at their expiry', async () => {
    const { w, mute, list, start } = await setup();
    await mute(['bob'], 1000);
    await mute(['carol'], 2000);
    await mute(['dave'], -1);
    w.deps.clock.advance(999);
    expect(await list()).toEqual([`bob:${start + 1000}`, `carol:${start + 2000}`, 'dave:-1']);
    w.deps.clock.advance(1);
    expect(await list()).toEqual([`carol:${start + 2000}`, 'dave:-1']);
    w.deps.clock.advance(10 * 1000);
    expect(await list()).toEqual(['dave:-1']);
  });

  it('mute-all adds nobody to the list', async () => {
    const { w, id, list } = await setup();
    await new SetMuteAll(w.deps).execute(w.app, id, true);
    expect(await list()).toEqual([]);
  });

  it('is per room', async () => {
    const { w, mute, list } = await setup();
    await mute(['bob'], -1);
    expect(await list(await w.room('alice', ['bob']))).toEqual([]);
  });

  it('refuses an unknown room', async () => {
    const { list } = await setup();
    expect(await failureOf(list('404'))).toEqual(ROOM_404);
  });
});
