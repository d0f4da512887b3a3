import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChatroomClient, type ChatroomClient } from '@chatroom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../testing/http-harness.js';

/**
 * The typed client of libs/client against the real service (real adapters on embedded PGlite,
 * as `npm start` runs): its types are generated from /openapi.json, so an API change that breaks
 * consumers breaks the typecheck of this file, and a runtime mismatch breaks its assertions.
 */
describe('@chatroom/client against the running service', () => {
  let svc: TestService;
  let dataDir: string;
  let api: ChatroomClient;
  let tenant: { org: string; app: string };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chatroom-client-'));
    svc = await startTestService({ inMemory: false, env: { DATA_DIR: dataDir } });
    tenant = { org: svc.org, app: svc.app };
    api = createChatroomClient({ baseUrl: svc.url });
    // The client's own token call; the answer's type is the bare token object.
    const { data } = await api.POST('/{org}/{app}/token', {
      params: { path: tenant },
      body: { grant_type: 'client_credentials', client_id: svc.clientId, client_secret: svc.clientSecret },
    });
    api = createChatroomClient({ baseUrl: svc.url, token: data!.access_token });
  }, 60_000);

  afterAll(async () => {
    await svc?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('registers users, creates a room, reads it back and lists it', async () => {
    const users = await api.POST('/{org}/{app}/users', {
      params: { path: tenant },
      body: [
        { username: 'alice', password: 'pw1' },
        { username: 'bob', password: 'pw2', nickname: 'Bob' },
      ],
    });
    expect(users.data!.entities.map((user) => user.username)).toEqual(['alice', 'bob']);
    expect(users.data!.data).toEqual([]);

    const created = await api.POST('/{org}/{app}/chatrooms', {
      params: { path: tenant },
      body: { name: 'lobby', description: 'say hi', owner: 'alice', members: ['bob'], maxusers: 50 },
    });
    const id: string = created.data!.data.id;

    const details = await api.GET('/{org}/{app}/chatrooms/{ids}', { params: { path: { ...tenant, ids: id } } });
    const room = details.data!.data[0]!;
    expect(room).toMatchObject({ id, name: 'lobby', owner: 'alice', maxusers: 50, affiliations_count: 2 });
    expect(room.affiliations).toEqual([{ owner: 'alice' }, { member: 'bob' }]);

    const list = await api.GET('/{org}/{app}/chatrooms', { params: { path: tenant, query: { limit: '10' } } });
    expect(list.data!.data.map((summary) => summary.id)).toEqual([id]);
    expect(list.data!.count).toBe(1);

    const modified = await api.PUT('/{org}/{app}/chatrooms/{id}', {
      params: { path: { ...tenant, id } },
      body: { name: 'main lobby' },
    });
    expect(modified.data!.data).toEqual({ groupname: true });
  });

  it('answers errors as the typed Easemob error body', async () => {
    const missing = await api.DELETE('/{org}/{app}/chatrooms/{id}', { params: { path: { ...tenant, id: '999999' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({
      error: 'resource_not_found',
      error_description: 'grpID 999999 does not exist!',
    });
  });
});
