import { openPostgresAdapter, type PostgresAdapter } from '@chatroom/postgres-adapter';
import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import { createHash, randomUUID } from 'node:crypto';
import { connect } from 'nats';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { spawnService, type SpawnedService } from '../testing/spawn-service.js';
import { createCallback, Receiver, verified } from '../testing/webhook-receiver.js';

const db = await createTestDatabase();
if (!db) console.warn('Event delivery tests skipped: no TEST_DATABASE_URL and no Docker engine.');

const SECRET = 'rule-secret-for-tests';
const ENV = {
  BOOTSTRAP_ORG: 'ev',
  BOOTSTRAP_APP: 'chat',
  BOOTSTRAP_CLIENT_ID: 'ev-client',
  BOOTSTRAP_CLIENT_SECRET: 'ev-secret',
  LOG_LEVEL: 'info',
  EVENT_PUBLISH_TIMEOUT_MS: '3000',
  // The receiver runs on 127.0.0.1.
  WEBHOOK_ALLOW_PRIVATE: 'true',
};

async function token(base: string): Promise<string> {
  const r = await fetch(`${base}/ev/chat/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'ev-client', client_secret: 'ev-secret' }),
  });
  return ((await r.json()) as { access_token: string }).access_token;
}

async function call(base: string, bearer: string, method: string, path: string, body?: unknown) {
  const r = await fetch(`${base}/ev/chat${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: r.status, body: (await r.json()) as any };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

describe.skipIf(!db)(
  'events out: webhook delivery from the outbox (real PostgreSQL, real processes, real receiver)',
  () => {
    const receiver = new Receiver();
    let store: PostgresAdapter;
    let a: SpawnedService;
    let b: SpawnedService | undefined;
    let bearer: string;

    const createRoom = async (base: string, name: string, members?: string[]) => {
      const r = await call(base, bearer, 'POST', '/chatrooms', {
        name,
        description: 'd',
        owner: 'alice',
        ...(members && { members }),
      });
      expect(r.status).toBe(200);
      return r.body.data.id as string;
    };

    beforeAll(async () => {
      await receiver.start();
      a = await spawnService({ DATABASE_URL: db!.url, ...ENV });
      store = await openPostgresAdapter({ databaseUrl: db!.url, poolSize: 2 });
      const app = await store.uow.read((r) => r.apps.findByName('ev', 'chat'));
      await store.eventRules.add({
        id: randomUUID(),
        appId: app!.id,
        kind: 'webhook',
        target: receiver.url,
        secret: SECRET,
        operations: null,
        created: Date.now(),
      });
      bearer = await token(a.url);
      const users = await call(
        a.url,
        bearer,
        'POST',
        '/users',
        ['alice', 'bob', 'carol'].map((username) => ({ username, password: 'pw' })),
      );
      expect(users.status).toBe(200);
    }, 60_000);
    afterAll(async () => {
      await a?.stop();
      await b?.stop();
      await store?.close();
      await receiver.stop();
      await db?.drop();
    });

    it("delivers CREATE and JOIN with the reference's body, both signatures verifiable, in commit order", async () => {
      const id = await createRoom(a.url, 'Launch', ['bob']);
      await call(a.url, bearer, 'PUT', `/chatrooms/${id}`, { newowner: 'bob' });
      await vi.waitFor(() => expect(receiver.ok(id)).toHaveLength(3), { timeout: 10_000 });
      const [create, join, transfer] = receiver.ok(id);
      expect(create!.body).toEqual(
        createCallback(create!, 'ev#chat', id, { owner: 'ev#chat_alice', title: 'Launch', max_users: '1000' }),
      );
      expect(join!.body).toMatchObject({ operation: 'JOIN', payload: { member: ['bob'], type: 'DIRECT' } });
      expect(transfer!.body).toMatchObject({
        operation: 'UPDATE',
        payload: { owner: 'alice', new_owner: 'bob', type: 'OWNER' },
      });
      for (const hit of [create!, join!, transfer!]) {
        expect(verified(hit, SECRET)).toBe(true);
        expect(verified(hit, 'not-the-secret')).toBe(false);
      }
    }, 20_000);

    it('member_count on the wire: after operator on JOIN and LEAVE, absent on LEAVE/DELETE', async () => {
      const id = await createRoom(a.url, 'counted', ['bob']);
      expect((await call(a.url, bearer, 'POST', `/chatrooms/${id}/users`, { usernames: ['carol'] })).status).toBe(200);
      expect((await call(a.url, bearer, 'DELETE', `/chatrooms/${id}/users/bob`)).status).toBe(200);
      expect((await call(a.url, bearer, 'DELETE', `/chatrooms/${id}`)).status).toBe(200);
      await vi.waitFor(() => expect(receiver.ok(id)).toHaveLength(6), { timeout: 10_000 });
      const hits = receiver.ok(id);
      expect(hits.map((h) => [h.body.operation, h.body.payload?.type, h.body['member_count']])).toEqual([
        ['CREATE', undefined, undefined],
        ['JOIN', 'DIRECT', 2],
        ['JOIN', 'DIRECT', 3],
        ['LEAVE', 'KICK', 2],
        ['DELETE', undefined, undefined],
        ['LEAVE', 'DELETE', undefined],
      ]);
      // The reference's key order (E6–E11): `member_count` between `operator` and `timestamp`.
      for (const hit of hits.slice(1, 4))
        expect(hit.raw).toMatch(/"operator":"@ppAdmin","member_count":\d+,"timestamp":\d+}$/);
      for (const hit of [hits[0]!, ...hits.slice(4)]) expect(hit.body).not.toHaveProperty('member_count');
      for (const hit of hits) expect(verified(hit, SECRET)).toBe(true);
    }, 20_000);

    it('a change that fails delivers nothing', async () => {
      const id = await createRoom(a.url, 'quiet');
      await vi.waitFor(() => expect(receiver.ok(id)).toHaveLength(1));
      expect(
        (await call(a.url, bearer, 'POST', `/chatrooms/${id}/users`, { usernames: ['carol', 'ghost'] })).status,
      ).toBe(404);
      expect((await call(a.url, bearer, 'PUT', `/chatrooms/${id}`, { maxusers: 0 })).status).toBe(400);
      // A later change of the same room arrives, and nothing came before it.
      await call(a.url, bearer, 'POST', `/chatrooms/${id}/ban`);
      await vi.waitFor(() => expect(receiver.ok(id)).toHaveLength(2));
      expect(receiver.ok(id).map((h) => h.body.operation)).toEqual(['CREATE', 'UPDATE']);
    });

    it('a receiver failing three times then answering 200 gets the event; later events of that room wait, other rooms do not', async () => {
      const held = await createRoom(a.url, 'flaky');
      const other = await createRoom(a.url, 'fine');
      let failures = 0;
      receiver.answer = (hit) =>
        hit.body.id === held && hit.body.operation === 'UPDATE' && failures++ < 3 ? 503 : 200;
      await call(a.url, bearer, 'POST', `/chatrooms/${held}/announcement`, { announcement: 'first' });
      await call(a.url, bearer, 'POST', `/chatrooms/${held}/announcement`, { announcement: 'second' });
      await call(a.url, bearer, 'POST', `/chatrooms/${other}/announcement`, { announcement: 'other' });
      await vi.waitFor(() => expect(receiver.ok(other).map((h) => h.body.operation)).toEqual(['CREATE', 'UPDATE']), {
        timeout: 5_000,
      });
      expect(receiver.ok(held).filter((h) => h.body.payload?.announcement === 'second')).toEqual([]);
      await vi.waitFor(
        () => expect(receiver.ok(held).filter((h) => h.body.payload?.announcement === 'second')).toHaveLength(1),
        {
          timeout: 20_000,
          interval: 200,
        },
      );
      const tries = receiver.ok(held).filter((h) => h.body.payload?.announcement === 'first');
      expect(tries).toHaveLength(4);
      // Every retry is the same event: same callId, timestamp and security.
      expect(new Set(tries.map((t) => t.raw.replace(/"security":"[0-9a-f]+",/, ''))).size).toBe(1);
      expect(new Set(tries.map((t) => t.body.callId)).size).toBe(1);
      // Backed off: the gaps grow.
      const gaps = tries.slice(1).map((t, i) => t.at - tries[i]!.at);
      expect(gaps[0]).toBeGreaterThanOrEqual(400);
      expect(gaps[2]).toBeGreaterThan(gaps[0]!);
      const order = receiver
        .ok(held)
        .filter((h) => h.body.operation === 'UPDATE')
        .map((h) => h.body.payload.announcement);
      expect(order).toEqual(['first', 'first', 'first', 'first', 'second']);
      receiver.answer = () => 200;
    }, 40_000);

    it('a receiver that hangs does not slow API requests (each well under the publish timeout)', async () => {
      receiver.answer = () => null; // never answers: every attempt runs into the 3 s timeout
      const durations: number[] = [];
      for (let i = 0; i < 30; i++) {
        const started = performance.now();
        await createRoom(a.url, `hang${i}`, ['bob']);
        durations.push(performance.now() - started);
      }
      console.info(
        `POST /chatrooms while the receiver hangs: p50 ${percentile(durations, 50).toFixed(1)} ms, max ${Math.max(...durations).toFixed(1)} ms`,
      );
      expect(Math.max(...durations)).toBeLessThan(1500);
      receiver.answer = () => 200;
    }, 60_000);

    it('SIGKILL after commit, before delivery: the restarted service delivers', async () => {
      receiver.answer = () => 503;
      onTestFinished(() => {
        receiver.answer = () => 200;
      });
      const id = await createRoom(a.url, 'crash');
      await vi.waitFor(() => expect(receiver.ok(id).length).toBeGreaterThan(0), { timeout: 15_000 }); // tried, failed
      a.child.kill('SIGKILL');
      await new Promise((resolve) => a.child.once('exit', resolve));
      receiver.answer = () => 200;
      const before = receiver.ok(id).length;
      a = await spawnService({ DATABASE_URL: db!.url, ...ENV });
      // Within the lease (2 × timeout + 5 s) when the killed process had claimed it mid-attempt.
      await vi.waitFor(() => expect(receiver.ok(id).length).toBe(before + 1), { timeout: 30_000, interval: 200 });
      expect(receiver.ok(id).at(-1)!.body.operation).toBe('CREATE');
    }, 60_000);

    it('a NATS JetStream rule gets the same body on chatroom.<org>.<app>.<operation>, acknowledged by the stream', async () => {
      const app = await store.uow.read((r) => r.apps.findByName('ev', 'chat'));
      const rule = {
        id: randomUUID(),
        appId: app!.id,
        kind: 'nats' as const,
        target: 'nats://127.0.0.1:4222',
        secret: SECRET,
        operations: ['DELETE' as const],
        created: Date.now(),
      };
      await store.eventRules.add(rule);
      try {
        const id = await createRoom(a.url, 'to-nats');
        expect((await call(a.url, bearer, 'DELETE', `/chatrooms/${id}`)).status).toBe(200);
        const nc = await connect({ servers: '127.0.0.1:4222' });
        try {
          const jsm = await nc.jetstreamManager();
          await vi.waitFor(
            async () => {
              const msg = await jsm.streams.getMessage('CHATROOM_EVENTS', { last_by_subj: 'chatroom.ev.chat.DELETE' });
              const body = JSON.parse(new TextDecoder().decode(msg.data));
              expect(body).toMatchObject({ id, operation: 'DELETE', appkey: 'ev#chat', type: 'CHATROOM' });
              expect(body.security).toBe(
                createHash('md5').update(`${body.callId}${SECRET}${body.timestamp}`).digest('hex'),
              );
            },
            { timeout: 10_000, interval: 200 },
          );
        } finally {
          await nc.close();
        }
      } finally {
        await store.eventRules.remove(rule.id);
      }
    }, 30_000);

    it('two processes deliver each event exactly once (latency commit → receiver measured)', async () => {
      // Drain what is left (hung attempts of earlier tests), then count only new events.
      await vi
        .waitFor(async () => expect(await store.deliveries.claim(1, 0).then((d) => d.length)).toBe(0), {
          timeout: 30_000,
          interval: 500,
        })
        .catch(() => {});
      b = await spawnService({ DATABASE_URL: db!.url, ...ENV });
      const bearerB = await token(b.url);
      const rooms: string[] = [];
      for (let i = 0; i < 40; i++) {
        const via = i % 2 === 0 ? a.url : b.url;
        const r = await call(via, i % 2 === 0 ? bearer : bearerB, 'POST', '/chatrooms', {
          name: `duo${i}`,
          description: 'd',
          owner: 'alice',
          members: ['bob'],
        });
        rooms.push(r.body.data.id);
      }
      await vi.waitFor(() => expect(rooms.every((id) => receiver.ok(id).length >= 2)).toBe(true), { timeout: 20_000 });
      await new Promise((resolve) => setTimeout(resolve, 1000)); // would a duplicate still come?
      const hits = rooms.flatMap((id) => receiver.ok(id));
      expect(hits).toHaveLength(80);
      expect(new Set(hits.map((h) => h.headers['x-chatroom-event-id'])).size).toBe(80);
      const latencies = hits.map((h) => h.at - h.body.timestamp);
      console.info(
        `commit → receiver over ${latencies.length} events, 2 processes: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms`,
      );
    }, 90_000);
  },
);
