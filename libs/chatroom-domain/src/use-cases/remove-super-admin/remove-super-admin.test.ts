import { describe, expect, it } from 'vitest';
import { AddSuperAdmin } from '../add-super-admin/add-super-admin.js';
import { ListSuperAdmins } from '../list-super-admins/list-super-admins.js';
import { failureOf, GHOST_404, TestWorld } from '../test-fixtures.js';
import { RemoveSuperAdmin } from './remove-super-admin.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol');
  for (const u of ['alice', 'bob']) await new AddSuperAdmin(w.deps).execute(w.app, u);
  const remove = (username: string) => new RemoveSuperAdmin(w.deps).execute(w.app, username);
  const list = () => new ListSuperAdmins(w.deps).execute(w.app, {});
  return { remove, list };
}

describe('RemoveSuperAdmin', () => {
  it('takes the role away and answers the user id', async () => {
    const { remove, list } = await setup();
    expect(await remove('ALICE')).toBe('alice');
    expect(await list()).toEqual(['bob']);
  });

  it('removing a user who is not a super admin succeeds and changes nothing', async () => {
    const { remove, list } = await setup();
    expect(await remove('carol')).toBe('carol');
    expect(await list()).toEqual(['alice', 'bob']);
  });

  it('refuses an unknown user', async () => {
    const { remove } = await setup();
    expect(await failureOf(remove('ghost'))).toEqual(GHOST_404);
  });
});
