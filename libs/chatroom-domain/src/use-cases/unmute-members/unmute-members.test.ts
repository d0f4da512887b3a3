import { describe, expect, it } from 'vitest';
import { ListMutes } from '../list-mutes/list-mutes.js';
import { MuteMembers } from '../mute-members/mute-members.js';
import { batchTooLarge, failureOf, HOUR_MS, names, ROOM_404, TestWorld } from '../test-fixtures.js';
import { UnmuteMembers } from './unmute-members.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol');
  const id = await w.room('alice', ['bob', 'carol']);
  await new MuteMembers(w.deps).execute(w.app, id, ['bob', 'carol'], HOUR_MS);
  const unmute = (usernames: string[], roomId = id) => new UnmuteMembers(w.deps).execute(w.app, roomId, usernames);
  const muted = async () => (await new ListMutes(w.deps).execute(w.app, id)).map((m) => m.username);
  return { unmute, muted };
}

describe('UnmuteMembers', () => {
  it('lifts the mutes and answers every user named', async () => {
    const { unmute, muted } = await setup();
    expect(await unmute(['BOB'])).toEqual(['bob']);
    expect(await muted()).toEqual(['carol']);
  });

  it('lifting a mute nobody had succeeds too', async () => {
    const { unmute, muted } = await setup();
    expect(await unmute(['alice', 'ghost', 'carol'])).toEqual(['alice', 'ghost', 'carol']);
    expect(await muted()).toEqual(['bob']);
  });

  it('accepts 60 users', async () => {
    const { unmute } = await setup();
    expect(await unmute(names('u', 60))).toHaveLength(60);
  });

  it('refuses 61 users with the reference message (two spaces before 60)', async () => {
    const { unmute } = await setup();
    expect(await failureOf(unmute(names('u', 61)))).toEqual(
      batchTooLarge('removeMute member size more than max limit :  60'),
    );
  });

  it('refuses an unknown room', async () => {
    const { unmute } = await setup();
    expect(await failureOf(unmute(['bob'], '404'))).toEqual(ROOM_404);
  });
});
