import { describe, expect, it } from 'vitest';
import { GetRoomAttributes } from '../get-room-attributes/get-room-attributes.js';
import { failureOf, names, ROOM_404, TestWorld } from '../test-fixtures.js';
import { SetRoomAttributes } from '../set-room-attributes/set-room-attributes.js';
import { DeleteRoomAttributes } from './delete-room-attributes.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol', 'dave');
  const id = await w.room('alice', ['bob', 'carol']);
  const set = (username: string, metaData: Record<string, string>) =>
    new SetRoomAttributes(w.deps).execute(w.app, id, username, { metaData, forced: false });
  await set('bob', { b1: '1', b2: '2' });
  await set('carol', { c1: '1' });
  const del = (username: string, keys: string[], forced = false, roomId = id) =>
    new DeleteRoomAttributes(w.deps).execute(w.app, roomId, username, keys, forced);
  const keys = async () => Object.keys(await new GetRoomAttributes(w.deps).execute(w.app, id));
  return { del, keys };
}

describe('DeleteRoomAttributes', () => {
  it('deletes the keys the user owns', async () => {
    const { del, keys } = await setup();
    expect(await del('Bob', ['b2', 'b1'])).toEqual({ successKeys: ['b2', 'b1'], errorKeys: {} });
    expect(await keys()).toEqual(['c1']);
  });

  it('keeps keys owned by others and missing keys in errorKeys, and deletes the rest', async () => {
    const { del, keys } = await setup();
    expect(await del('bob', ['c1', 'b1', 'nope'])).toEqual({
      successKeys: ['b1'],
      errorKeys: { c1: 'others are not allowed to be deleted', nope: 'the key nope does not exist' },
    });
    expect(await keys()).toEqual(['b2', 'c1']);
  });

  it('reports a missing key named `__proto__` like any other', async () => {
    const { del } = await setup();
    expect(JSON.stringify((await del('bob', ['__proto__'])).errorKeys)).toBe(
      '{"__proto__":"the key __proto__ does not exist"}',
    );
  });

  it('names a key given twice once', async () => {
    const { del } = await setup();
    expect(await del('bob', ['b1', 'b1'])).toEqual({ successKeys: ['b1'], errorKeys: {} });
  });

  it('the forced variant deletes anyone’s keys', async () => {
    const { del, keys } = await setup();
    expect(await del('carol', ['b1', 'c1'], true)).toEqual({ successKeys: ['b1', 'c1'], errorKeys: {} });
    expect(await keys()).toEqual(['b2']);
  });

  it('the forced variant still reports missing keys', async () => {
    const { del } = await setup();
    expect(await del('carol', ['nope'], true)).toEqual({
      successKeys: [],
      errorKeys: { nope: 'the key nope does not exist' },
    });
  });

  it('refuses a user who is not in the room', async () => {
    const { del, keys } = await setup();
    expect(await failureOf(del('dave', ['b1']))).toEqual({
      class: 'AuthenticationError',
      code: 'NotInChatroom',
      message: 'user is not in chatroom',
    });
    expect(await keys()).toEqual(['b1', 'b2', 'c1']);
  });

  // The reference documents no membership error for the forced variant (an operator's tool).
  it('the forced variant does not ask for membership', async () => {
    const { del, keys } = await setup();
    expect((await del('dave', ['b1'], true)).successKeys).toEqual(['b1']);
    expect(await keys()).toEqual(['b2', 'c1']);
  });

  it('accepts 10 keys', async () => {
    const { del } = await setup();
    expect(Object.keys((await del('bob', names('k', 10))).errorKeys)).toHaveLength(10);
  });

  it.each([false, true])('refuses 11 keys (forced: %s)', async (forced) => {
    const { del, keys } = await setup();
    expect(await failureOf(del('bob', ['b1', ...names('k', 10)], forced))).toEqual({
      class: 'InvalidInputError',
      code: 'MetadataBatchTooLarge',
      message: 'exceed allowed batch size 10',
    });
    expect(await keys()).toEqual(['b1', 'b2', 'c1']);
  });

  it('refuses an empty list of keys', async () => {
    const { del } = await setup();
    expect(await failureOf(del('bob', []))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'keys must contain at least one key',
    });
  });

  it('refuses an unknown room', async () => {
    const { del } = await setup();
    expect(await failureOf(del('bob', ['b1'], false, '404'))).toEqual(ROOM_404);
  });
});
