import { describe, expect, it } from 'vitest';
import { GetRoomAttributes } from '../get-room-attributes/get-room-attributes.js';
import { failureOf, ROOM_404, TestWorld } from '../test-fixtures.js';
import { SetRoomAttributes, type SetRoomAttributesInput } from './set-room-attributes.js';

const EMOJI = '😀'; // one code point, two UTF-16 units

/** `{ k1: 'v1', … }` for keys `${prefix}1` … `${prefix}${count}`. */
function pairs(prefix: string, count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i + 1}`, `v${i + 1}`]));
}

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol', 'dave');
  const id = await w.room('alice', ['bob', 'carol']);
  const set = (
    username: string,
    metaData: Record<string, string>,
    more: Partial<SetRoomAttributesInput> = {},
    roomId = id,
  ) => new SetRoomAttributes(w.deps).execute(w.app, roomId, username, { metaData, forced: false, ...more });
  const get = () => new GetRoomAttributes(w.deps).execute(w.app, id);
  return { w, id, set, get };
}

describe('SetRoomAttributes', () => {
  it('sets the pairs and answers their keys, with no error keys', async () => {
    const { set, get } = await setup();
    expect(await set('bob', { topic: 'cats', 'mood.level': '3' })).toEqual({
      successKeys: ['topic', 'mood.level'],
      errorKeys: {},
    });
    expect(await get()).toEqual({ 'mood.level': '3', topic: 'cats' });
  });

  it('the setter owns the keys; their id is lower-cased', async () => {
    const { w, id, set } = await setup();
    await set('BOB', { topic: 'cats' });
    expect(await w.traces(id, 'bob')).toEqual(['member', 'attribute:topic']);
  });

  it('the owner of a key may change its value', async () => {
    const { set, get } = await setup();
    await set('bob', { topic: 'cats' });
    expect((await set('bob', { topic: 'dogs' })).successKeys).toEqual(['topic']);
    expect(await get()).toEqual({ topic: 'dogs' });
  });

  it('accepts 10 pairs in one call', async () => {
    const { set, get } = await setup();
    expect((await set('bob', pairs('k', 10))).successKeys).toHaveLength(10);
    expect(Object.keys(await get())).toHaveLength(10);
  });

  it('refuses 11 pairs in one call, setting none', async () => {
    const { set, get } = await setup();
    expect(await failureOf(set('bob', pairs('k', 11)))).toEqual({
      class: 'InvalidInputError',
      code: 'MetadataBatchTooLarge',
      message: 'exceed allowed batch size 10',
    });
    expect(await get()).toEqual({});
  });

  it('refuses an empty metaData', async () => {
    const { set } = await setup();
    expect(await failureOf(set('bob', {}))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'metaData must contain at least one key',
    });
  });

  describe('per-key failures go to errorKeys; the other keys are set', () => {
    it('a key of 128 characters is fine, 129 is not', async () => {
      const { set, get } = await setup();
      const [ok, long] = ['k'.repeat(128), 'k'.repeat(129)];
      expect(await set('bob', { [ok]: 'a', [long]: 'b' })).toEqual({
        successKeys: [ok],
        errorKeys: { [long]: `properties key '${long}' is exceeding maximum limit 128` },
      });
      expect(await get()).toEqual({ [ok]: 'a' });
    });

    it('a key may use A-Z a-z 0-9 _ . - only', async () => {
      const { set } = await setup();
      const result = await set('bob', { 'Az09_.-': '1', 'a b': '2', ключ: '3', 'k!': '4', '': '5' });
      expect(result.successKeys).toEqual(['Az09_.-']);
      expect(result.errorKeys).toEqual(
        Object.fromEntries(
          ['a b', 'ключ', 'k!', ''].map((k) => [
            k,
            `properties key '${k}' contains characters other than A-Z a-z 0-9 _ . -`,
          ]),
        ),
      );
    });

    it('a value of 4096 characters (code points) is fine, 4097 is not', async () => {
      const { set, get } = await setup();
      expect(await set('bob', { ok: EMOJI.repeat(4096), long: 'x'.repeat(4097) })).toEqual({
        successKeys: ['ok'],
        errorKeys: { long: "properties value of key 'long' is exceeding maximum limit 4096" },
      });
      expect((await get()).ok).toBe(EMOJI.repeat(4096));
    });

    it('an empty value is fine', async () => {
      const { set, get } = await setup();
      expect((await set('bob', { blank: '' })).successKeys).toEqual(['blank']);
      expect(await get()).toEqual({ blank: '' });
    });

    it('a key owned by another member is not changed, whoever asks (the room owner too)', async () => {
      const { set, get } = await setup();
      await set('bob', { topic: 'cats' });
      expect(await set('alice', { topic: 'dogs', mine: 'yes' })).toEqual({
        successKeys: ['mine'],
        errorKeys: { topic: 'others are not allowed to be set' },
      });
      expect(await get()).toEqual({ mine: 'yes', topic: 'cats' });
    });
  });

  it('keys named like Object members (`__proto__`, `constructor`) are ordinary keys, in errorKeys too', async () => {
    const { set, get } = await setup();
    const tricky = JSON.parse('{"__proto__":"p","constructor":"c"}') as Record<string, string>;
    expect((await set('bob', tricky)).successKeys).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(await get())).toBe('{"__proto__":"p","constructor":"c"}');
    const refused = await set('carol', tricky);
    expect(Object.keys(refused.errorKeys)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(refused.errorKeys)).toBe(
      '{"__proto__":"others are not allowed to be set","constructor":"others are not allowed to be set"}',
    );
  });

  describe('at most 100 keys per room', () => {
    async function roomWith95Keys() {
      const s = await setup();
      for (let i = 0; i < 95; i += 5) {
        await s.set(i % 2 === 0 ? 'bob' : 'carol', pairs(`a${i}x`, 5));
      }
      expect(Object.keys(await s.get())).toHaveLength(95);
      return s;
    }

    it('at 95 keys, 5 of 10 new keys are set, in the order given, and the others fail', async () => {
      const { id, set, get } = await roomWith95Keys();
      const result = await set('bob', pairs('n', 10));
      expect(result.successKeys).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
      const full = `the number of attributes of chatroom ${id} has reached the limit of 100`;
      expect(result.errorKeys).toEqual({ n6: full, n7: full, n8: full, n9: full, n10: full });
      expect(Object.keys(await get())).toHaveLength(100);
    });

    it('a full room still takes new values for existing keys', async () => {
      const { set, get } = await roomWith95Keys();
      await set('bob', pairs('n', 5));
      expect(await set('bob', { n1: 'changed', extra: 'x' })).toEqual({
        successKeys: ['n1'],
        errorKeys: { extra: expect.stringContaining('has reached the limit of 100') },
      });
      expect((await get()).n1).toBe('changed');
    });
  });

  describe('only members may set', () => {
    it.each([
      ['a user who is not in the room', 'dave'],
      ['an unknown user', 'ghost'],
    ])('refuses %s', async (_, username) => {
      const { set, get } = await setup();
      expect(await failureOf(set(username, { topic: 'x' }))).toEqual({
        class: 'AuthenticationError',
        code: 'NotInChatroom',
        message: 'user is not in chatroom',
      });
      expect(await get()).toEqual({});
    });

    it('refuses a non-member with the forced variant too', async () => {
      const { set } = await setup();
      expect((await failureOf(set('dave', { topic: 'x' }, { forced: true }))).code).toBe('NotInChatroom');
    });
  });

  describe('the forced variant', () => {
    it('overwrites a key owned by another member, and the setter becomes its owner', async () => {
      const { w, id, set, get } = await setup();
      await set('bob', { topic: 'cats', other: 'bob' });
      expect(await set('carol', { topic: 'dogs' }, { forced: true })).toEqual({
        successKeys: ['topic'],
        errorKeys: {},
      });
      expect(await get()).toEqual({ other: 'bob', topic: 'dogs' });
      expect(await w.traces(id, 'carol')).toEqual(['member', 'attribute:topic']);
      expect((await set('bob', { topic: 'back' })).errorKeys).toEqual({ topic: 'others are not allowed to be set' });
    });

    it('still applies the per-key rules', async () => {
      const { set } = await setup();
      expect((await set('bob', { 'a b': '1' }, { forced: true })).successKeys).toEqual([]);
    });
  });

  it('autoDelete is DELETE unless NO_DELETE is asked for', async () => {
    const { w, id, set } = await setup();
    await set('bob', { gone: '1' });
    await set('bob', { also: '1' }, { autoDelete: 'DELETE' });
    await set('bob', { kept: '1' }, { autoDelete: 'NO_DELETE' });
    const attributes = await w.deps.uow.read((r) => r.roomAttributes.list(w.app.id, id));
    expect(attributes.map((a) => `${a.key}:${a.autoDelete}`)).toEqual(['also:true', 'gone:true', 'kept:false']);
  });

  it('refuses an unknown room', async () => {
    const { set } = await setup();
    expect(await failureOf(set('bob', { topic: 'x' }, {}, '404'))).toEqual(ROOM_404);
  });
});
