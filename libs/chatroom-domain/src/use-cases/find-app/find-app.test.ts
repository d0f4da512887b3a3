import { describe, expect, it } from 'vitest';
import { failureOf, TestWorld } from '../test-fixtures.js';
import { FindApp } from './find-app.js';

describe('FindApp', () => {
  it('finds the app by org and name', async () => {
    const w = await TestWorld.create();
    expect(await new FindApp(w.deps).execute('acme', 'chat', '/acme/chat/chatrooms')).toEqual(w.app);
  });

  it('reports an unknown app with the org, name and path', async () => {
    const w = await TestWorld.create();
    expect(await failureOf(new FindApp(w.deps).execute('acme', 'nope', '/acme/nope/users'))).toEqual({
      class: 'NotFoundError',
      code: 'AppNotFound',
      message: 'Could not find application for acme/nope from URI: /acme/nope/users',
    });
  });
});
