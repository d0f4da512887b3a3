import { describe, expect, it } from 'vitest';
import { ListMutes } from '../list-mutes/list-mutes.js';
import { batchTooLarge, failureOf, HOUR_MS, names, ROOM_404, TestWorld } from '../test-fixtures.js';
import { MuteMembers } from './mute-members.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol', 'dave', 'erin');
  const id = await w.room('alice', ['bob', 'carol']);
  const mute = (usernames: string[], duration: number, roomId = id) =>
    new MuteMembers(w.deps).execute(w.app, roomId, usernames, duration);
  const list = (roomId = id) => new ListMutes(w.deps).execute(w.app, roomId);
  const now = () => w.deps.clock.now();
  return { w, id, mute, list, now };
}

describe('MuteMembers', () => {
  it('mutes members until now + mute_duration and answers each user with that expiry', async () => {
    const { mute, list, now } = await setup();
    const expiresAt = now() + 60_000;
    expect(await mute(['Bob', 'carol'], 60_000)).toEqual([
      { username: 'bob', expiresAt },
      { username: 'carol', expiresAt },
    ]);
    expect(await list()).toEqual([
      { username: 'bob', expiresAt },
      { username: 'carol', expiresAt },
    ]);
  });

  it('the owner is a member and can be muted', async () => {
    const { mute, list } = await setup();
    await mute(['alice'], HOUR_MS);
    expect((await list()).map((m) => m.username)).toEqual(['alice']);
  });

  it('-1 mutes for ever, reported as expire -1, and never expires', async () => {
    const { w, mute, list } = await setup();
    expect(await mute(['bob'], -1)).toEqual([{ username: 'bob', expiresAt: -1 }]);
    w.deps.clock.advance(100 * 365 * 24 * HOUR_MS);
    expect(await list()).toEqual([{ username: 'bob', expiresAt: -1 }]);
  });

  it('0 lifts the mute, reported as expire 0', async () => {
    const { mute, list } = await setup();
    await mute(['bob', 'carol'], -1);
    expect(await mute(['bob'], 0)).toEqual([{ username: 'bob', expiresAt: 0 }]);
    expect((await list()).map((m) => m.username)).toEqual(['carol']);
  });

  it('muting again replaces the earlier mute', async () => {
    const { mute, list, now } = await setup();
    await mute(['bob'], -1);
    await mute(['bob'], 1000);
    expect(await list()).toEqual([{ username: 'bob', expiresAt: now() + 1000 }]);
  });

  it('every target must be a member: the error lists every outsider and nobody is muted', async () => {
    const { mute, list } = await setup();
    expect(await failureOf(mute(['dave', 'bob', 'ghost', 'erin'], HOUR_MS))).toEqual({
      class: 'ForbiddenOperationError',
      code: 'NotMembers',
      message: 'users [dave, ghost, erin] are not members of this group!',
    });
    expect(await list()).toEqual([]);
  });

  it('accepts 100 users', async () => {
    const { w, mute, list } = await setup();
    const many = await w.manyUsers('u', 100);
    const big = await w.room('alice', many);
    expect(await mute(many, HOUR_MS, big)).toHaveLength(100);
    expect(await list(big)).toHaveLength(100);
  });

  it('refuses 101 users with the reference message', async () => {
    const { mute } = await setup();
    expect(await failureOf(mute(names('u', 101), HOUR_MS))).toEqual(
      batchTooLarge('userNames size is more than max limit : 100'),
    );
  });

  it.each([-2, 1.5, Number.NaN, 3_153_600_000_001])('refuses mute_duration %d', async (duration) => {
    const { mute } = await setup();
    expect(await failureOf(mute(['bob'], duration))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'mute_duration must be an integer from -1 to 3153600000000',
    });
  });

  it('refuses an unknown room', async () => {
    const { mute } = await setup();
    expect(await failureOf(mute(['bob'], HOUR_MS, '404'))).toEqual(ROOM_404);
  });
});
