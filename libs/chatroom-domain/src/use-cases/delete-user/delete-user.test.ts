import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../../errors/domain-error.js';
import type { AppSettings } from '../../model/app.js';
import type { Repositories, UnitOfWork } from '../../ports/unit-of-work.js';
import type { UserRepository } from '../../ports/user-repository.js';
import { GetUser } from '../get-user/get-user.js';
import { RegisterUsers } from '../register-users/register-users.js';
import { TransferChatroom } from '../transfer-chatroom/transfer-chatroom.js';
import { failureOf, TestWorld } from '../test-fixtures.js';
import { DeleteUser } from './delete-user.js';
import { RoomCommandsOverUnits } from '../room-commands/room-commands-over-units.js';

/** The store, except that deleting a user fails (after the rooms have been dealt with). */
function failingOnUserDelete(uow: UnitOfWork): UnitOfWork {
  const sabotage = (repos: Repositories): Repositories => ({
    ...repos,
    users: Object.assign(Object.create(repos.users) as UserRepository, {
      delete: async () => {
        throw new UnavailableError();
      },
    }),
  });
  const sabotaged: UnitOfWork = {
    write: (work) => uow.write((repos) => work(sabotage(repos))),
    read: (work) => uow.read(work),
    get commands() {
      return new RoomCommandsOverUnits(sabotaged);
    },
  };
  return sabotaged;
}

async function setup(settings?: Partial<AppSettings>) {
  const w = await TestWorld.create(settings);
  await w.users('alice', 'bob', 'carol');
  const deleteUser = (username: string) => new DeleteUser(w.deps).execute(w.app, username);
  return { w, deleteUser };
}

describe('DeleteUser', () => {
  it('deletes the user and answers the deleted user', async () => {
    const { w, deleteUser } = await setup();
    expect(await deleteUser('Alice')).toMatchObject({ username: 'alice', appId: w.app.id });
    expect((await failureOf(new GetUser(w.deps).execute(w.app, 'alice'))).code).toBe('UserResourceNotFound');
  });

  it('refuses an unknown user', async () => {
    const { deleteUser } = await setup();
    expect(await failureOf(deleteUser('ghost'))).toEqual({
      class: 'NotFoundError',
      code: 'UserResourceNotFound',
      message: 'Service resource not found',
    });
  });

  it('dissolves the rooms the user owns', async () => {
    const { w, deleteUser } = await setup();
    await w.room('alice', ['bob']);
    await w.room('alice');
    const bobs = await w.room('bob');
    await deleteUser('alice');
    expect(await w.roomIds()).toEqual([bobs]);
    expect(await w.joinedIds('bob')).toEqual([bobs]);
  });

  it('removes the user from the rooms of others, and their member counts drop', async () => {
    const { w, deleteUser } = await setup();
    const room = await w.room('bob', ['alice', 'carol']);
    await deleteUser('alice');
    expect(await w.affiliations(room)).toEqual(['owner:bob', 'member:carol']);
    expect((await w.details(room)).room.memberCount).toBe(2);
  });

  it('gives back the quota slots of the dissolved rooms', async () => {
    const { w, deleteUser } = await setup({ roomQuota: 1 });
    await w.room('alice');
    await deleteUser('alice');
    await expect(w.room('bob')).resolves.toMatch(/^\d+$/);
  });

  it("gives back the joined-room slots of the dissolved rooms' members", async () => {
    const { w, deleteUser } = await setup({ joinedRoomCap: 1 });
    await w.room('alice', ['bob']);
    await deleteUser('alice');
    await expect(w.room('bob')).resolves.toMatch(/^\d+$/);
  });

  it('keeps a room the user owned before transferring it', async () => {
    const { w, deleteUser } = await setup();
    const room = await w.room('alice', ['bob']);
    await new TransferChatroom(w.deps).execute(w.app, room, 'bob');
    await deleteUser('alice');
    expect(await w.affiliations(room)).toEqual(['owner:bob']);
  });

  it('dissolves a room the user received by transfer', async () => {
    const { w, deleteUser } = await setup();
    const room = await w.room('alice', ['bob']);
    await new TransferChatroom(w.deps).execute(w.app, room, 'bob');
    await deleteUser('bob');
    expect(await w.roomIds()).toEqual([]);
  });

  it('changes nothing when its last step fails: all of it is one unit of work', async () => {
    const { w } = await setup();
    const owned = await w.room('alice', ['bob']);
    const joined = await w.room('bob', ['alice']);
    const failing = new DeleteUser({ uow: failingOnUserDelete(w.deps.uow) });
    expect(await failureOf(failing.execute(w.app, 'alice'))).toEqual({
      class: 'UnavailableError',
      code: 'Unavailable',
      message: 'Service unavailable',
    });
    expect(await w.roomIds()).toEqual([joined, owned]);
    expect(await w.affiliations(joined)).toEqual(['owner:bob', 'member:alice']);
    expect(await w.userExists('alice')).toBe(true);
  });

  it('leaves other apps alone', async () => {
    const { w, deleteUser } = await setup();
    const other = await w.otherApp();
    await new RegisterUsers(w.deps).execute(other, [{ username: 'alice', password: 'pw' }]);
    await deleteUser('alice');
    expect((await new GetUser(w.deps).execute(other, 'alice')).username).toBe('alice');
  });
});
