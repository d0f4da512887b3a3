import { describe, expect, it } from 'vitest';
import { failureOf, TestWorld } from '../test-fixtures.js';
import { DETAILS_MAX_AFFILIATIONS } from '../../model/chatroom.js';
import { GetChatroomDetails } from './get-chatroom-details.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol', 'dave');
  const get = (ids: string[]) => new GetChatroomDetails(w.deps).execute(w.app, ids);
  return { w, get };
}

describe('GetChatroomDetails', () => {
  it('gives the room and its affiliations', async () => {
    const { w, get } = await setup();
    const id = await w.room('alice', ['bob'], { name: 'Lobby', description: 'hi', maxUsers: 5, custom: 'c' });
    expect(await get([id])).toEqual([
      {
        room: expect.objectContaining({
          id,
          name: 'Lobby',
          description: 'hi',
          maxUsers: 5,
          owner: 'alice',
          custom: 'c',
          muteAll: false,
          memberCount: 2,
          created: w.deps.clock.now(),
        }),
        affiliations: [
          { username: 'alice', role: 'owner' },
          { username: 'bob', role: 'member' },
        ],
      },
    ]);
  });

  it('gives the rooms in the order the ids were given', async () => {
    const { w, get } = await setup();
    const a = await w.room('alice');
    const b = await w.room('bob');
    const c = await w.room('carol');
    expect((await get([b, c, a])).map((d) => d.room.id)).toEqual([b, c, a]);
  });

  it('gives a room asked for twice once, at its first place', async () => {
    const { w, get } = await setup();
    const a = await w.room('alice');
    const b = await w.room('bob');
    expect((await get([b, a, b, a])).map((d) => d.room.id)).toEqual([b, a]);
  });

  it('lists the owner first, then the members in join order', async () => {
    const { w, get } = await setup();
    const id = await w.room('carol', ['dave', 'alice', 'bob']);
    const [details] = await get([id]);
    expect(details!.affiliations.map((a) => `${a.role}:${a.username}`)).toEqual([
      'owner:carol',
      'member:dave',
      'member:alice',
      'member:bob',
    ]);
  });

  it('counts the owner and every member', async () => {
    const { w, get } = await setup();
    const id = await w.room('carol', ['dave', 'alice']);
    const [details] = await get([id]);
    expect(details!.room.memberCount).toBe(3);
    expect(details!.affiliations).toHaveLength(3);
  });

  it('accepts 100 ids', async () => {
    const { w, get } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) ids.push(await w.room('alice'));
    expect(await get(ids)).toHaveLength(100);
  });

  it('answers rooms whose affiliations together reach the bound exactly', async () => {
    const { w } = await setup();
    const a = await w.room('alice', ['bob', 'carol']);
    const b = await w.room('dave', ['alice']);
    const details = await new GetChatroomDetails(w.deps, 5).execute(w.app, [a, b]);
    expect(details.flatMap((d) => d.affiliations)).toHaveLength(5);
  });

  it('refuses rooms whose affiliations together exceed the bound, naming the total', async () => {
    const { w } = await setup();
    const a = await w.room('alice', ['bob', 'carol']);
    const b = await w.room('dave', ['alice', 'bob']);
    expect(await failureOf(new GetChatroomDetails(w.deps, 5).execute(w.app, [a, b]))).toEqual({
      class: 'InvalidInputError',
      code: 'DetailsTooLarge',
      message: 'the chatrooms asked for have 6 affiliations in total, more than 5: ask for fewer chatrooms at once',
    });
    // Each alone is within the bound.
    expect(await new GetChatroomDetails(w.deps, 5).execute(w.app, [b])).toHaveLength(1);
  });

  it('bounds one answer at 100,000 affiliations by default', () => {
    expect(DETAILS_MAX_AFFILIATIONS).toBe(100_000);
  });

  it('refuses more than 100 ids', async () => {
    const { get } = await setup();
    const ids = Array.from({ length: 101 }, (_, i) => String(i + 1));
    expect(await failureOf(get(ids))).toEqual({
      class: 'InvalidInputError',
      code: 'TooManyIds',
      message: 'the number of chatroom ids must not exceed 100',
    });
  });

  it('counts distinct ids against the limit of 100', async () => {
    const { w, get } = await setup();
    const id = await w.room('alice');
    expect(await get(Array(101).fill(id))).toHaveLength(1);
  });

  it('refuses an empty list of ids', async () => {
    const { get } = await setup();
    expect(await failureOf(get([]))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'chatroom id must be provided',
    });
  });

  it('reports the first missing id', async () => {
    const { w, get } = await setup();
    const id = await w.room('alice');
    expect(await failureOf(get([id, '404', '405']))).toEqual({
      class: 'NotFoundError',
      code: 'ChatroomsNotFound',
      message: 'do not find this group:404',
    });
  });

  it('does not show a room of another app', async () => {
    const { w } = await setup();
    const id = await w.room('alice');
    const other = await w.otherApp();
    expect((await failureOf(new GetChatroomDetails(w.deps).execute(other, [id]))).message).toBe(
      `do not find this group:${id}`,
    );
  });
});
