import { describe, expect, it } from 'vitest';
import type { AppSettings } from '../../model/app.js';
import { GetChatroomDetails } from '../get-chatroom-details/get-chatroom-details.js';
import { failureOf, TestWorld } from '../test-fixtures.js';
import { DissolveChatroom } from './dissolve-chatroom.js';

async function setup(settings?: Partial<AppSettings>) {
  const w = await TestWorld.create(settings);
  await w.users('alice', 'bob', 'carol');
  const id = await w.room('alice', ['bob']);
  const dissolve = (roomId = id) => new DissolveChatroom(w.deps).execute(w.app, roomId);
  return { w, id, dissolve };
}

describe('DissolveChatroom', () => {
  it('removes the room and answers its id', async () => {
    const { w, id, dissolve } = await setup();
    expect(await dissolve()).toEqual({ id });
    expect(await w.roomIds()).toEqual([]);
    expect((await failureOf(new GetChatroomDetails(w.deps).execute(w.app, [id]))).code).toBe('ChatroomsNotFound');
  });

  it('removes every membership of the room', async () => {
    const { w, dissolve } = await setup();
    await dissolve();
    expect(await w.joinedIds('alice')).toEqual([]);
    expect(await w.joinedIds('bob')).toEqual([]);
  });

  it('leaves the other rooms alone', async () => {
    const { w, dissolve } = await setup();
    const other = await w.room('bob', ['alice']);
    await dissolve();
    expect(await w.roomIds()).toEqual([other]);
    expect(await w.affiliations(other)).toEqual(['owner:bob', 'member:alice']);
  });

  it('refuses an unknown room', async () => {
    const { dissolve } = await setup();
    expect(await failureOf(dissolve('42'))).toEqual({
      class: 'NotFoundError',
      code: 'ChatroomNotFound',
      message: 'grpID 42 does not exist!',
    });
  });

  it('refuses the same room a second time', async () => {
    const { id, dissolve } = await setup();
    await dissolve();
    expect((await failureOf(dissolve())).message).toBe(`grpID ${id} does not exist!`);
  });

  it('does not reach a room of another app', async () => {
    const { w, id } = await setup();
    const other = await w.otherApp();
    expect((await failureOf(new DissolveChatroom(w.deps).execute(other, id))).code).toBe('ChatroomNotFound');
    expect(await w.roomIds()).toEqual([id]);
  });

  it("gives back the room's slot in the app quota", async () => {
    const { w, dissolve } = await setup({ roomQuota: 1 });
    await dissolve();
    await expect(w.room('carol')).resolves.toMatch(/^\d+$/);
  });

  it("gives back each member's slot in the joined-room cap", async () => {
    const { w, dissolve } = await setup({ joinedRoomCap: 1 });
    await dissolve();
    await expect(w.room('carol', ['alice', 'bob'])).resolves.toMatch(/^\d+$/);
  });
});
