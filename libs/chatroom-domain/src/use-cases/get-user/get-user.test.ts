import { describe, expect, it } from 'vitest';
import { failureOf, TestWorld } from '../test-fixtures.js';
import { GetUser } from './get-user.js';

describe('GetUser', () => {
  it('finds a user whatever the case of the id asked for', async () => {
    const w = await TestWorld.create();
    await w.users('alice');
    expect(await new GetUser(w.deps).execute(w.app, 'ALICE')).toMatchObject({ username: 'alice', appId: w.app.id });
  });

  it('reports an unknown user as a missing resource', async () => {
    const w = await TestWorld.create();
    expect(await failureOf(new GetUser(w.deps).execute(w.app, 'ghost'))).toEqual({
      class: 'NotFoundError',
      code: 'UserResourceNotFound',
      message: 'Service resource not found',
    });
  });

  it('does not find a user of another app', async () => {
    const w = await TestWorld.create();
    await w.users('alice');
    const other = await w.otherApp();
    expect((await failureOf(new GetUser(w.deps).execute(other, 'alice'))).code).toBe('UserResourceNotFound');
  });

  it('refuses an illegal id', async () => {
    const w = await TestWorld.create();
    expect((await failureOf(new GetUser(w.deps).execute(w.app, 'a b'))).code).toBe('InvalidUsername');
  });
});
