import { describe, expect, it } from 'vitest';
import type { AppSettings } from '../../model/app.js';
import type { ChatroomPatch } from '../../ports/chatroom-repository.js';
import { ListJoinedChatrooms } from '../list-joined-chatrooms/list-joined-chatrooms.js';
import { failureOf, TestWorld } from '../test-fixtures.js';
import { ModifyChatroom } from './modify-chatroom.js';

async function setup(settings?: Partial<AppSettings>) {
  const w = await TestWorld.create(settings);
  await w.users('alice', 'bob', 'carol');
  const id = await w.room('alice', ['bob', 'carol'], { name: 'Lobby', description: 'Say hi', maxUsers: 10 });
  const modify = (patch: ChatroomPatch, roomId = id) => new ModifyChatroom(w.deps).execute(w.app, roomId, patch);
  return { w, id, modify };
}

describe('ModifyChatroom', () => {
  it('changes only the name, answering name', async () => {
    const { w, id, modify } = await setup();
    expect(await modify({ name: 'Hall' })).toEqual({ name: true });
    expect((await w.details(id)).room).toMatchObject({ name: 'Hall', description: 'Say hi', maxUsers: 10 });
  });

  it('changes only the description', async () => {
    const { w, id, modify } = await setup();
    expect(await modify({ description: 'Quiet' })).toEqual({ description: true });
    expect((await w.details(id)).room).toMatchObject({ name: 'Lobby', description: 'Quiet' });
  });

  it('changes all three fields at once', async () => {
    const { w, id, modify } = await setup();
    expect(await modify({ name: 'Hall', description: 'Quiet', maxUsers: 20 })).toEqual({
      name: true,
      description: true,
      maxUsers: true,
    });
    expect((await w.details(id)).room).toMatchObject({ name: 'Hall', description: 'Quiet', maxUsers: 20 });
  });

  it('accepts an empty name or description as a change', async () => {
    const { w, id, modify } = await setup();
    expect(await modify({ description: '' })).toEqual({ description: true });
    expect((await w.details(id)).room.description).toBe('');
  });

  it('shows the new name in the joined-rooms list', async () => {
    const { w, id, modify } = await setup();
    await modify({ name: 'Hall' });
    expect(await new ListJoinedChatrooms(w.deps).execute(w.app, 'bob', {})).toEqual([{ id, name: 'Hall' }]);
  });

  it('refuses an empty change', async () => {
    const { modify } = await setup();
    expect(await failureOf(modify({}))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'request body must contain name, description or maxusers',
    });
  });

  it('refuses an unknown room', async () => {
    const { modify } = await setup();
    expect(await failureOf(modify({ name: 'Hall' }, '999'))).toEqual({
      class: 'NotFoundError',
      code: 'ChatroomNotFound',
      message: 'grpID 999 does not exist!',
    });
  });

  it('does not reach a room of another app', async () => {
    const { w, id } = await setup();
    const other = await w.otherApp();
    expect((await failureOf(new ModifyChatroom(w.deps).execute(other, id, { name: 'x' }))).code).toBe(
      'ChatroomNotFound',
    );
  });

  it('refuses a name of 129 characters', async () => {
    const { modify } = await setup();
    expect(await failureOf(modify({ name: '😀'.repeat(129) }))).toEqual({
      class: 'LimitExceededError',
      code: 'NameTooLong',
      message: 'title cannot exceed to 128',
    });
  });

  it('accepts a name of 128 astral characters', async () => {
    const { w, id, modify } = await setup();
    await modify({ name: '😀'.repeat(128) });
    expect((await w.details(id)).room.name).toBe('😀'.repeat(128));
  });

  it('refuses a description of 513 characters', async () => {
    const { modify } = await setup();
    expect(await failureOf(modify({ description: '中'.repeat(513) }))).toEqual({
      class: 'LimitExceededError',
      code: 'DescriptionTooLong',
      message: 'desc cannot exceed to 512',
    });
  });

  it('refuses maxusers above the app ceiling', async () => {
    const { modify } = await setup({ maxUsersCeiling: 100 });
    expect(await failureOf(modify({ maxUsers: 101 }))).toEqual({
      class: 'LimitExceededError',
      code: 'MaxUsersAboveCeiling',
      message: 'maxUsers cannot exceed 100',
    });
  });

  it('refuses maxusers below the current member count', async () => {
    const { modify } = await setup();
    expect(await failureOf(modify({ maxUsers: 2 }))).toEqual({
      class: 'ForbiddenOperationError',
      code: 'MaxUsersBelowMemberCount',
      message: 'maxusers 2 is less than the current member count 3',
    });
  });

  it('accepts maxusers equal to the current member count', async () => {
    const { w, id, modify } = await setup();
    await modify({ maxUsers: 3 });
    expect((await w.details(id)).room.maxUsers).toBe(3);
  });

  it.each([0, 1.5])('refuses maxusers %d', async (maxUsers) => {
    const { modify } = await setup();
    expect(await failureOf(modify({ maxUsers }))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'maxusers must be an integer of at least 1',
    });
  });

  it('changes nothing when one of the fields is refused', async () => {
    const { w, id, modify } = await setup();
    await failureOf(modify({ name: 'Hall', maxUsers: 2 }));
    expect((await w.details(id)).room).toMatchObject({ name: 'Lobby', maxUsers: 10 });
  });
});
