import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertDocumented } from './http-harness.js';
import { spawnAdmin } from './spawn-admin.js';
import { spawnService, type SpawnedService } from './spawn-service.js';
import { Receiver } from './webhook-receiver.js';

const ENV = {
  BOOTSTRAP_ORG: 'ops',
  BOOTSTRAP_APP: 'chat',
  BOOTSTRAP_CLIENT_ID: 'ops-client',
  BOOTSTRAP_CLIENT_SECRET: 'ops-secret',
  LOG_LEVEL: 'info',
  WEBHOOK_ALLOW_PRIVATE: 'true',
  EVENT_PUBLISH_TIMEOUT_MS: '2000',
};
const ADMIN_PASSWORD = 'an admin passphrase';

/**
 * The operator API on a production store: a real `npm start` process on `databaseUrl`,
 * operators added with the real admin CLI (`operators add`), every answer checked against the
 * OpenAPI document. Run by the PostgreSQL and MariaDB e2e files.
 */
export function describeOperatorApiOnStore(
  store: string,
  databaseUrl: string | undefined,
  drop: () => Promise<void>,
): void {
  describe.skipIf(!databaseUrl)(`operator API on ${store} (real process, admin CLI)`, () => {
    const receiver = new Receiver();
    let service: SpawnedService;
    let admin: string;
    let viewer: string;
    let appToken: string;
    const cli = (args: string[], input?: string) =>
      spawnAdmin(['operators', ...args], { DATABASE_URL: databaseUrl }, input);

    const call = async (method: string, path: string, token: string | null, body?: unknown, key?: string) => {
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers: {
          ...(token && { authorization: `Bearer ${token}` }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(key && { 'idempotency-key': key }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      assertDocumented(method, path, response.status, response.headers.get('content-type'), text);
      return {
        status: response.status,
        body: text ? JSON.parse(text) : null,
        replayed: response.headers.get('idempotent-replayed') === 'true',
      };
    };
    const signIn = async (username: string, password: string) => {
      const r = await call('POST', '/admin/v1/token', null, { username, password });
      expect(r.status).toBe(200);
      return r.body.access_token as string;
    };

    beforeAll(async () => {
      await receiver.start();
      receiver.answer = () => 503;
      service = await spawnService({ DATABASE_URL: databaseUrl!, ...ENV });
      const added = await cli(['add', '--name', 'ann', '--role', 'admin', '--password-stdin'], `${ADMIN_PASSWORD}\n`);
      expect(added.code, added.stderr).toBe(0);
      expect(JSON.parse(added.stdout)).toEqual({ name: 'ann', role: 'admin', password: null });
      const generated = await cli(['add', '--name', 'vic']);
      expect(generated.code, generated.stderr).toBe(0);
      const vic = JSON.parse(generated.stdout);
      expect(vic).toEqual({ name: 'vic', role: 'viewer', password: expect.stringMatching(/^\S{32,}$/) });
      admin = await signIn('ann', ADMIN_PASSWORD);
      viewer = await signIn('vic', vic.password);
      const t = await call('POST', '/ops/chat/token', null, {
        grant_type: 'client_credentials',
        client_id: 'ops-client',
        client_secret: 'ops-secret',
      });
      appToken = t.body.access_token;
      const users = await call(
        'POST',
        '/ops/chat/users',
        appToken,
        ['alice', 'bob', 'carol'].map((username) => ({ username, password: 'pw' })),
      );
      expect(users.status).toBe(200);
    }, 90_000);
    afterAll(async () => {
      await service?.stop();
      await receiver.stop();
      await drop();
    }, 60_000);

    it('operators list shows both, a generated password must be changed, and tokens do not cross', async () => {
      const listed = await cli(['list']);
      expect(JSON.parse(listed.stdout)).toEqual([
        { name: 'ann', role: 'admin', must_change_password: false, created: expect.any(String) },
        { name: 'vic', role: 'viewer', must_change_password: true, created: expect.any(String) },
      ]);
      expect((await call('GET', '/admin/v1/session', viewer)).body).toEqual({
        name: 'vic',
        role: 'viewer',
        must_change_password: true,
      });
      expect((await call('GET', '/admin/v1/apps', appToken)).status).toBe(401);
      expect((await call('GET', '/ops/chat/chatrooms', admin)).status).toBe(401);
    }, 60_000);

    it('rooms: name-prefix and owner search, keyset pages, details, and moderation through the Easemob use cases', async () => {
      const ids: string[] = [];
      for (const [name, owner] of [
        ['news a', 'alice'],
        ['chat', 'bob'],
        ['news b', 'alice'],
        ['news c', 'carol'],
      ] as const) {
        const made = await call('POST', '/ops/chat/chatrooms', appToken, {
          name,
          description: 'd',
          owner,
          ...(owner === 'alice' && { members: ['bob'] }),
        });
        expect(made.status, JSON.stringify(made.body)).toBe(200);
        ids.push(made.body.data.id);
      }
      const rooms = '/admin/v1/apps/ops/chat/rooms';
      const page1 = await call('GET', `${rooms}?name=news&limit=2`, viewer);
      expect(page1.body.rooms.map((r: { name: string }) => r.name)).toEqual(['news c', 'news b']);
      const page2 = await call('GET', `${rooms}?name=news&limit=2&cursor=${page1.body.cursor}`, viewer);
      expect(page2.body).toEqual({ rooms: [expect.objectContaining({ name: 'news a' })] });
      expect((await call('GET', `${rooms}?name=news%25`, viewer)).body.rooms).toEqual([]);
      const owned = await call('GET', `${rooms}?owner=alice`, viewer);
      expect(owned.body.rooms.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[0]]);

      const base = `${rooms}/${ids[0]}`;
      expect((await call('DELETE', base, viewer)).status).toBe(403);
      expect((await call('POST', `${base}/mutes`, admin, { usernames: ['bob'], duration: -1 })).body).toEqual({
        mutes: [{ username: 'bob', expires_at: -1 }],
      });
      expect((await call('DELETE', `${base}/members/bob`, admin)).body).toEqual({ removed: 'bob' });
      const details = await call('GET', base, viewer);
      expect(details.body.members).toEqual([{ username: 'alice', role: 'owner' }]);
      const trail = await call('GET', `${base}/events`, viewer);
      expect(trail.body.events.map((e: { operation: string }) => e.operation)).toEqual([
        'LEAVE',
        'MUTE',
        'JOIN',
        'CREATE',
      ]);
      expect((await call('DELETE', base, admin)).body).toEqual({ dissolved: ids[0] });
      expect((await call('GET', `/ops/chat/chatrooms/${ids[0]}`, appToken)).status).toBe(404);
    }, 60_000);

    it('webhooks: a failing receiver shows pending deliveries with their last error; test-send; remove', async () => {
      const hooks = '/admin/v1/apps/ops/chat/webhooks';
      expect((await call('POST', hooks, viewer, { url: receiver.url })).status).toBe(403);
      const added = await call('POST', hooks, admin, { url: receiver.url, events: ['CREATE'] });
      expect(added.body).toMatchObject({
        kind: 'webhook',
        target: receiver.url,
        operations: ['CREATE'],
        secret: expect.any(String),
      });
      const rule = added.body.id as string;
      await call('POST', '/ops/chat/chatrooms', appToken, { name: 'hooked', description: 'd', owner: 'alice' });
      let deliveries: any[] = [];
      for (let i = 0; i < 50 && !deliveries[0]?.last_error; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        deliveries = (await call('GET', `${hooks}/${rule}/deliveries`, viewer)).body.deliveries;
      }
      expect(deliveries).toEqual([
        {
          event_id: expect.any(String),
          room_id: expect.any(String),
          operation: 'CREATE',
          state: 'pending',
          attempts: 1,
          next_at: expect.any(Number),
          last_error: expect.stringContaining('503'),
        },
      ]);
      const listed = await call('GET', hooks, viewer);
      expect(listed.body.rules).toEqual([expect.objectContaining({ id: rule, pending: 1, dead: 0 })]);
      expect((await call('POST', `${hooks}/${rule}/replay`, admin)).body).toEqual({ revived: 0 });
      const tested = await call('POST', `${hooks}/${rule}/test`, admin);
      expect(tested.body).toEqual({ ok: false, error: expect.stringContaining('503') });
      receiver.answer = () => 200;
      expect((await call('POST', `${hooks}/${rule}/test`, admin)).body).toEqual({ ok: true });
      expect((await call('DELETE', `${hooks}/${rule}`, admin)).body).toEqual({ removed: rule });
      expect((await call('GET', `${hooks}/${rule}/deliveries`, viewer)).status).toBe(404);
    }, 60_000);

    it('every limit of an app is set through the API and read back from the store', async () => {
      const set = await call('PUT', '/admin/v1/apps/ops/chat/limits', admin, {
        rate_limit: '500',
        room_quota: 900,
        maxusers_ceiling: 300,
        joined_room_cap: 40,
        custom_room_ids: false,
      });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      const read = await call('GET', '/admin/v1/apps/ops/chat', viewer);
      expect(read.body).toMatchObject({
        rate_limit: '500',
        room_quota: 900,
        maxusers_ceiling: 300,
        joined_room_cap: 40,
        custom_room_ids: false,
      });
      expect((await call('PUT', '/admin/v1/apps/ops/chat/limits', viewer, { room_quota: 1 })).status).toBe(403);
      expect(
        (
          await call('PUT', '/admin/v1/apps/ops/chat/limits', admin, {
            room_quota: 100000,
            custom_room_ids: true,
            rate_limit: 'off',
          })
        ).status,
      ).toBe(200);
    }, 60_000);

    it('Idempotency-Key: stored with the change, per operator; a repeat replays, another request with the key is 422', async () => {
      const added = await cli(['add', '--name', 'max', '--role', 'admin', '--password-stdin'], `${ADMIN_PASSWORD}\n`);
      expect(added.code, added.stderr).toBe(0);
      const max = await signIn('max', ADMIN_PASSWORD);
      const made = await call('POST', '/ops/chat/chatrooms', appToken, {
        name: 'keyed',
        description: 'd',
        owner: 'alice',
        members: ['bob', 'carol'],
      });
      const base = `/admin/v1/apps/ops/chat/rooms/${made.body.data.id}`;

      const first = await call('POST', `${base}/mutes`, admin, { usernames: ['bob'], duration: 60000 }, 'ops-key-1');
      expect({ status: first.status, replayed: first.replayed }).toEqual({ status: 200, replayed: false });
      await new Promise((resolve) => setTimeout(resolve, 10));
      const repeat = await call('POST', `${base}/mutes`, admin, { usernames: ['bob'], duration: 60000 }, 'ops-key-1');
      expect({ status: repeat.status, replayed: repeat.replayed, body: repeat.body }).toEqual({
        status: 200,
        replayed: true,
        body: first.body,
      });
      const reused = await call('POST', `${base}/mutes`, admin, { usernames: ['carol'], duration: 60000 }, 'ops-key-1');
      expect({ status: reused.status, error: reused.body.error }).toEqual({
        status: 422,
        error: 'idempotency_key_reused',
      });
      // Another operator's key of the same name is theirs: it runs.
      const byMax = await call('DELETE', `${base}/members/carol`, max, undefined, 'ops-key-1');
      expect({ status: byMax.status, replayed: byMax.replayed, body: byMax.body }).toEqual({
        status: 200,
        replayed: false,
        body: { removed: 'carol' },
      });
      // An error changed nothing and is not stored: the key runs the next request.
      const missing = await call('DELETE', `${base}/members/nobody`, admin, undefined, 'ops-key-2');
      expect(missing.status).toBe(404);
      const then = await call('DELETE', `${base}/members/bob`, admin, undefined, 'ops-key-2');
      expect({ status: then.status, replayed: then.replayed }).toEqual({ status: 200, replayed: false });
      const again = await call('DELETE', `${base}/members/bob`, admin, undefined, 'ops-key-2');
      expect({ status: again.status, replayed: again.replayed, body: again.body }).toEqual({
        status: 200,
        replayed: true,
        body: { removed: 'bob' },
      });
      // One MUTE and one LEAVE per change, however often it was asked for.
      const trail = await call('GET', `${base}/events`, admin);
      const operations = trail.body.events.map((e: { operation: string }) => e.operation) as string[];
      expect(operations.filter((o) => o === 'MUTE')).toHaveLength(1);
      expect(operations.filter((o) => o === 'LEAVE')).toHaveLength(2);
      // A rule's replay and removal join the keyed transaction too (the rules store, not a unit of work).
      const hooks = '/admin/v1/apps/ops/chat/webhooks';
      const rule = (await call('POST', hooks, admin, { url: receiver.url })).body.id as string;
      const revived = await call('POST', `${hooks}/${rule}/replay`, admin, undefined, 'ops-key-4');
      expect({ status: revived.status, replayed: revived.replayed, body: revived.body }).toEqual({
        status: 200,
        replayed: false,
        body: { revived: 0 },
      });
      expect((await call('POST', `${hooks}/${rule}/replay`, admin, undefined, 'ops-key-4')).replayed).toBe(true);
      const removed = await call('DELETE', `${hooks}/${rule}`, admin, undefined, 'ops-key-5');
      expect({ status: removed.status, replayed: removed.replayed }).toEqual({ status: 200, replayed: false });
      const removedAgain = await call('DELETE', `${hooks}/${rule}`, admin, undefined, 'ops-key-5');
      expect({ status: removedAgain.status, replayed: removedAgain.replayed, body: removedAgain.body }).toEqual({
        status: 200,
        replayed: true,
        body: { removed: rule },
      });
      expect((await call('GET', hooks, viewer)).body.rules.map((r: { id: string }) => r.id)).not.toContain(rule);
      // Creating an app shows its secret once: no key.
      const refused = await call('POST', '/admin/v1/apps', admin, { org: 'ops', name: 'keyed' }, 'ops-key-3');
      expect({ status: refused.status, error: refused.body.error }).toEqual({
        status: 400,
        error: 'invalid_parameter',
      });
      expect((await cli(['remove', '--name', 'max'])).code).toBe(0);
    }, 60_000);

    it("reset-password and remove end the operator's tokens at once", async () => {
      const reset = await cli(['reset-password', '--name', 'vic']);
      expect(reset.code, reset.stderr).toBe(0);
      expect((await call('GET', '/admin/v1/apps', viewer)).status).toBe(401);
      const fresh = await signIn('vic', JSON.parse(reset.stdout).password);
      expect((await cli(['remove', '--name', 'vic'])).code).toBe(0);
      expect((await call('GET', '/admin/v1/apps', fresh)).status).toBe(401);
      const again = await cli(['remove', '--name', 'vic']);
      expect({ code: again.code, stderr: again.stderr }).toEqual({
        code: 1,
        stderr: 'error: No operator is named vic.\n',
      });
    }, 60_000);
  });
}
