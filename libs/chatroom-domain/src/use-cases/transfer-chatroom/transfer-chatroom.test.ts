import type { DomainError } from '../../errors/domain-error.js';
import { describe, expect, it } from 'vitest';
import { ListAdmins } from '../list-admins/list-admins.js';
import { ListChatrooms } from '../list-chatrooms/list-chatrooms.js';
import { PromoteAdmin } from '../promote-admin/promote-admin.js';
import { failureOf, TestWorld } from '../test-fixtures.js';
import { TransferChatroom } from './transfer-chatroom.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol', 'dave');
  const id = await w.room('alice', ['bob', 'carol']);
  const transfer = (newOwner: string, roomId = id) => new TransferChatroom(w.deps).execute(w.app, roomId, newOwner);
  return { w, id, transfer };
}

describe('TransferChatroom', () => {
  it('makes the member the only owner and the old owner an ordinary member', async () => {
    const { w, id, transfer } = await setup();
    await transfer('bob');
    expect(await w.affiliations(id)).toEqual(['owner:bob', 'member:alice', 'member:carol']);
  });

  it('keeps the member count', async () => {
    const { w, id, transfer } = await setup();
    await transfer('carol');
    expect((await w.details(id)).room.memberCount).toBe(3);
  });

  it('shows the new owner in the details and the room list', async () => {
    const { w, id, transfer } = await setup();
    await transfer('bob');
    expect((await w.details(id)).room.owner).toBe('bob');
    const { rooms } = await new ListChatrooms(w.deps).execute(w.app, {});
    expect(rooms.map((r) => r.owner)).toEqual(['bob']);
  });

  it('accepts the new owner id in any case', async () => {
    const { w, id, transfer } = await setup();
    await transfer('BOB');
    expect((await w.details(id)).room.owner).toBe('bob');
  });

  it('can give the room back to the old owner', async () => {
    const { w, id, transfer } = await setup();
    await transfer('bob');
    await transfer('alice');
    expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob', 'member:carol']);
  });

  it('a transfer to an admin removes their admin role; the other admins stay', async () => {
    const { w, id, transfer } = await setup();
    await new PromoteAdmin(w.deps).execute(w.app, id, 'bob');
    await new PromoteAdmin(w.deps).execute(w.app, id, 'carol');
    await transfer('bob');
    expect(await new ListAdmins(w.deps).execute(w.app, id)).toEqual(['carol']);
    expect(await w.affiliations(id)).toEqual(['owner:bob', 'member:alice', 'admin:carol']);
  });

  it('refuses an unknown room', async () => {
    const { transfer } = await setup();
    expect(await failureOf(transfer('bob', '404'))).toEqual({
      class: 'NotFoundError',
      code: 'ChatroomNotFound',
      message: 'grpID 404 does not exist!',
    });
  });

  it('refuses an unknown new owner', async () => {
    const { transfer } = await setup();
    expect(await failureOf(transfer('ghost'))).toEqual({
      class: 'NotFoundError',
      code: 'UserNotFound',
      message: "username ghost doesn't exist!",
    });
  });

  it('refuses the current owner as the new owner', async () => {
    const { transfer } = await setup();
    expect(await failureOf(transfer('Alice'))).toEqual({
      class: 'ForbiddenOperationError',
      code: 'SameOwner',
      message: 'new owner and old owner are the same',
    });
  });

  it('refuses a user who is not a member', async () => {
    const { transfer } = await setup();
    expect(await failureOf(transfer('dave'))).toEqual({
      class: 'ForbiddenOperationError',
      code: 'NotMembers',
      message: 'users [dave] are not members of this group!',
    });
  });

  it('refuses an illegal new owner id', async () => {
    const { transfer } = await setup();
    expect((await failureOf(transfer('not legal'))).code).toBe('InvalidUsername');
  });

  it('changes nothing when refused', async () => {
    const { w, id, transfer } = await setup();
    await failureOf(transfer('dave'));
    expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob', 'member:carol']);
  });

  // Two transfers racing on a real store: the room-invariants contract (testing/). In memory
  // the unit of work runs them one after the other, which is what this checks.
  it('two transfers started together both succeed, one after the other: the later one owns the room', async () => {
    const { w, id, transfer } = await setup();
    const outcomes = await Promise.all(
      [transfer('bob'), transfer('carol')].map((t) =>
        t.then(
          () => 'ok',
          (e: DomainError) => e.code,
        ),
      ),
    );
    expect(outcomes).toEqual(['ok', 'ok']);
    expect(await w.affiliations(id)).toEqual(['owner:carol', 'member:alice', 'member:bob']);
  });
});
