import { describe, expect, it } from 'vitest';
import { AddMembers } from '../add-members/add-members.js';
import { RemoveMembers } from '../remove-members/remove-members.js';
import { TransferChatroom } from '../transfer-chatroom/transfer-chatroom.js';
import { failureOf, TestWorld } from '../test-fixtures.js';
import type { PageInput } from '../../model/paging.js';
import { ListMembers } from './list-members.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol', 'dave', 'erin');
  const id = await w.room('alice', ['carol', 'bob']);
  await new AddMembers(w.deps).execute(w.app, id, ['erin', 'dave']);
  const list = async (input: PageInput = {}, roomId = id) =>
    (await new ListMembers(w.deps).execute(w.app, roomId, input)).map((a) => `${a.role}:${a.username}`);
  return { w, id, list };
}

describe('ListMembers', () => {
  it('gives the owner first, then the members in join order', async () => {
    const { list } = await setup();
    expect(await list()).toEqual(['owner:alice', 'member:carol', 'member:bob', 'member:erin', 'member:dave']);
  });

  it('keeps the owner first after a transfer, and the old owner goes by join order', async () => {
    const { w, id, list } = await setup();
    await new TransferChatroom(w.deps).execute(w.app, id, 'erin');
    expect(await list()).toEqual(['owner:erin', 'member:alice', 'member:carol', 'member:bob', 'member:dave']);
  });

  it('a member who leaves and comes back goes to the end', async () => {
    const { w, id, list } = await setup();
    await new RemoveMembers(w.deps).one(w.app, id, 'carol');
    await new AddMembers(w.deps).execute(w.app, id, ['carol']);
    expect(await list()).toEqual(['owner:alice', 'member:bob', 'member:erin', 'member:dave', 'member:carol']);
  });

  it('pages with pagenum and pagesize, the owner on the first page only', async () => {
    const { list } = await setup();
    expect(await list({ pagesize: 2 })).toEqual(['owner:alice', 'member:carol']);
    expect(await list({ pagenum: 2, pagesize: 2 })).toEqual(['member:bob', 'member:erin']);
    expect(await list({ pagenum: 3, pagesize: 2 })).toEqual(['member:dave']);
    expect(await list({ pagenum: 4, pagesize: 2 })).toEqual([]);
  });

  it('pagesize defaults to 1000 and is clamped to 1000', async () => {
    const { w, list } = await setup();
    const many = await w.manyUsers('u', 1000);
    const big = await w.room('alice', many, { maxUsers: 1001 });
    expect(await list({}, big)).toHaveLength(1000);
    expect(await list({ pagesize: 5000 }, big)).toHaveLength(1000);
    expect(await list({ pagenum: 2 }, big)).toEqual(['member:u1000']);
  });

  it.each([
    ['pagesize', { pagesize: 0 }],
    ['pagenum', { pagenum: -1 }],
    ['pagesize', { pagesize: 1.5 }],
  ] as const)('refuses a bad %s', async (name, input) => {
    const { list } = await setup();
    expect(await failureOf(list(input))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: `${name} must be a positive integer`,
    });
  });

  it('refuses an unknown room with the details lookup error', async () => {
    const { list } = await setup();
    expect(await failureOf(list({}, '404'))).toEqual({
      class: 'NotFoundError',
      code: 'ChatroomsNotFound',
      message: 'do not find this group:404',
    });
  });
});
