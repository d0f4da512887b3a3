import { describe, expect, it } from 'vitest';
import { ListSuperAdmins } from '../list-super-admins/list-super-admins.js';
import { failureOf, GHOST_404, TestWorld } from '../test-fixtures.js';
import { AddSuperAdmin } from './add-super-admin.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob');
  const add = (username: string) => new AddSuperAdmin(w.deps).execute(w.app, username);
  const list = () => new ListSuperAdmins(w.deps).execute(w.app, {});
  return { w, add, list };
}

describe('AddSuperAdmin', () => {
  it('makes the user a super admin and answers the user id', async () => {
    const { add, list } = await setup();
    expect(await add('Bob')).toBe('bob');
    expect(await list()).toEqual(['bob']);
  });

  it('needs no room: any user of the app may be one', async () => {
    const { w, add, list } = await setup();
    await add('alice');
    expect(await w.roomIds()).toEqual([]);
    expect(await list()).toEqual(['alice']);
  });

  it('adding one twice succeeds and lists them once, in their first place', async () => {
    const { add, list } = await setup();
    await add('bob');
    await add('alice');
    expect(await add('bob')).toBe('bob');
    expect(await list()).toEqual(['bob', 'alice']);
  });

  it('refuses an unknown user', async () => {
    const { add, list } = await setup();
    expect(await failureOf(add('ghost'))).toEqual(GHOST_404);
    expect(await list()).toEqual([]);
  });

  it('is per app', async () => {
    const { w, add } = await setup();
    await add('bob');
    expect(await new ListSuperAdmins(w.deps).execute(await w.otherApp(), {})).toEqual([]);
  });
});
