import { inMemoryDependencies, NO_USABLE_PASSWORD, type InMemoryDependencies, type RoomEvent } from '@chatroom/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createContainer } from '../../composition/container.js';
import { useInMemoryAdapters } from '../../composition/in-memory-adapters.js';
import { createLogger } from '../../logger.js';
import { fillSource, type FilledSource } from '../../testing/easemob-source-rooms.js';
import { startFaultProxy } from '../../testing/fault-proxy.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';
import { runAdmin } from '../admin-cli.js';
import type { ContainerFactory } from '../admin-session.js';

/** The admin CLI in process, on in-memory ports kept across its commands (one target store). */
function targetCli(deps: InMemoryDependencies = inMemoryDependencies()) {
  const makeContainer: ContainerFactory = (env) => {
    const container = createContainer(loadConfig(env), createLogger('silent'));
    useInMemoryAdapters(container, deps);
    return container;
  };
  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runAdmin(argv, { env: {}, out: (t) => (stdout += t), err: (t) => (stderr += t) }, makeContainer);
    return { code, stdout, stderr, report: () => JSON.parse(stdout) };
  };
  return { deps, run };
}

const TARGET = ['--org', 'acme', '--app', 'chat'];

let source: TestService;
let filled: FilledSource;
beforeAll(async () => {
  source = await startTestService({ settings: { customRoomIds: true, joinedRoomCap: 100 } });
  filled = await fillSource(source);
}, 120_000);
afterAll(() => source?.close());

function importArgs(...extra: string[]) {
  return importFrom(source.url, ...extra);
}

function importFrom(base: string, ...extra: string[]) {
  return [
    'import',
    'easemob',
    ...TARGET,
    '--from',
    `${base}/${source.org}/${source.app}`,
    '--client-id',
    source.clientId,
    '--client-secret',
    source.clientSecret,
    '--rate',
    'off',
    ...extra,
  ];
}

describe('import easemob (source: this service over HTTP; target: in-memory)', () => {
  it('imports every shape of room faithfully, verifies 0 mismatches and exits 0; a second run changes nothing', async () => {
    const { run, deps } = targetCli();
    expect((await run('apps', 'create', ...TARGET, '--custom-room-ids', 'false')).code).toBe(0);
    const first = await run(...importArgs());
    expect(first.stderr).toMatch(
      /6 rooms in the source; 6 imported, 0 changed, 0 unchanged, 0 already done, 0 refused, 0 gone; 0 mismatches/,
    );
    expect(first.code).toBe(0);
    expect(first.report()).toMatchObject({
      rooms: { in_source: 6, imported: 6, refused: 0 },
      mismatch_count: 0,
      super_admins: { added: 1, removed: 0 },
    });

    const app = (await deps.uow.read((r) => r.apps.findByName('acme', 'chat')))!;
    const target = await startTargetReader(deps, app.id);
    for (const id of Object.values(filled.rooms)) {
      const s = (await source.call('GET', source.appPath(`/chatrooms/${id}`))).body.data[0];
      const t = await target.room(id);
      expect({ ...t, affiliations: undefined }).toEqual({ ...pick(s), affiliations: undefined });
      expect(t.affiliations).toEqual(s.affiliations);
    }
    const moderated = filled.rooms.moderated;
    expect(await target.mutes(moderated)).toEqual([
      { username: 'dave', expiresAt: -1 },
      { username: 'erin', expiresAt: filled.muteEnd },
    ]);
    expect((await target.room(moderated)).mute).toBe(true);
    expect(
      await deps.uow
        .read((r) => r.roomAttributes.list(app.id, filled.rooms.decorated))
        .then((a) => Object.fromEntries(a.map((x) => [x.key, x.value]))),
    ).toEqual({ topic: 'ducks', level: '3', mood: 'calm' });
    const imported = await deps.uow.read((r) => r.users.findByUsername(app.id, 'm7' as never));
    expect(imported?.passwordHash).toBe(NO_USABLE_PASSWORD);
    const events = (await deps.uow.read((r) => r.eventLog.roomPage(app.id, moderated, 100))) as RoomEvent[];
    expect(events.filter((e) => e.operation === 'CREATE')).toHaveLength(1);
    expect(events.every((e) => e.payload?.['imported'] === true)).toBe(true);

    const again = await run(...importArgs());
    expect(again.code).toBe(0);
    expect(again.report().rooms).toMatchObject({ imported: 0, changed: 0, unchanged: 6, refused: 0, gone: 0 });
  }, 120_000);
});

describe('import easemob: faults, refusals, changes in the source', () => {
  it('completes through a proxy that answers 429 with Retry-After, 503 and drops connections: 0 mismatches', async () => {
    const proxy = await startFaultProxy(source.url, { tooManyEvery: 7, unavailableEvery: 11, dropEvery: 13 });
    try {
      const { run } = targetCli();
      await run('apps', 'create', ...TARGET);
      const r = await run(...importFrom(proxy.url));
      expect(r.stderr).toMatch(/0 refused, 0 gone; 0 mismatches/);
      expect(r.code).toBe(0);
      expect(proxy.seen.tooMany).toBeGreaterThan(0);
      expect(proxy.seen.unavailable).toBeGreaterThan(0);
      expect(proxy.seen.dropped).toBeGreaterThan(0);
      // Every attempt is counted, the failed ones too.
      expect(r.report().source_requests).toBe(proxy.seen.requests);
    } finally {
      await proxy.close();
    }
  }, 120_000);

  it('--rate paces every request the source receives, the token included: requests / rate seconds at least', async () => {
    // No faults here: a retry's backoff would add time of its own and hide a pacer running early.
    // (Retries go through the same paced dispatch; the test above checks they are counted.)
    const proxy = await startFaultProxy(source.url, {});
    try {
      const { run } = targetCli();
      await run('apps', 'create', ...TARGET);
      const rate = 25;
      const r = await run(...importFrom(proxy.url, '--rate', String(rate))); // the last --rate is the one taken
      expect(r.code).toBe(0);
      expect(r.report().source_requests).toBe(proxy.seen.requests);
      // The source's own clock: from the first request it received to the last. A pacer that let
      // a second's worth go at once (whole-second windows) would finish about a second early.
      const seconds = (proxy.seen.lastAt - proxy.seen.firstAt) / 1000;
      expect(proxy.seen.requests).toBeGreaterThan(2 * rate);
      expect(seconds).toBeGreaterThanOrEqual((proxy.seen.requests / rate) * 0.9);
    } finally {
      await proxy.close();
    }
  }, 120_000);

  it('reports a room the target refuses, with the reason, imports the others, and exits 1', async () => {
    const { run } = targetCli();
    await run('apps', 'create', ...TARGET, '--maxusers-ceiling', '1000');
    const r = await run(...importArgs());
    expect(r.code).toBe(1);
    const report = r.report();
    expect(report.rooms).toMatchObject({ imported: 5, refused: 1 });
    expect(report.refused).toEqual([{ room: filled.rooms.big, reasons: [expect.stringMatching(/maxUsers|max/i)] }]);
    expect(report.mismatches).toEqual([{ room: filled.rooms.big, field: 'room', source: 'present', target: 'absent' }]);
    expect(r.stderr).toMatch(/^error: The target does not match the source: 1 mismatches, 1 rooms refused/m);
  }, 120_000);

  it('--dry-run writes nothing and says what an import would do; --rooms takes only those rooms', async () => {
    const { run, deps } = targetCli();
    await run('apps', 'create', ...TARGET);
    const dry = await run(...importArgs('--dry-run'));
    expect(dry.report()).toMatchObject({ dry_run: true, rooms: { in_source: 6, imported: 6 }, mismatch_count: 6 });
    const app = (await deps.uow.read((r) => r.apps.findByName('acme', 'chat')))!;
    expect(await deps.uow.read((r) => r.chatrooms.listPage(app.id, 10))).toEqual([]);
    const some = await run(...importArgs('--rooms', `${filled.rooms.custom},${filled.rooms.empty}`));
    expect(some.code).toBe(0);
    expect(some.report().rooms).toMatchObject({ in_source: 2, imported: 2 });
  }, 120_000);

  it('after the source changes (rooms created and dissolved, members added and removed, an owner transferred), a second run brings the target back to 0 mismatches', async () => {
    const second = await startTestService({ settings: { customRoomIds: true, joinedRoomCap: 100 } });
    try {
      const rooms = (await fillSource(second, 20)).rooms;
      const { run, deps } = targetCli();
      await run('apps', 'create', ...TARGET);
      const args = (...extra: string[]) => [
        'import',
        'easemob',
        ...TARGET,
        '--from',
        `${second.url}/${second.org}/${second.app}`,
        '--client-id',
        second.clientId,
        '--client-secret',
        second.clientSecret,
        '--rate',
        'off',
        ...extra,
      ];
      expect((await run(...args())).code).toBe(0);
      const ok = async (method: string, path: string, body?: unknown) => {
        const r = await second.call(method, second.appPath(path), body === undefined ? {} : { body });
        expect(r.status, r.text).toBe(200);
        return r.body;
      };
      const added = (
        await ok('POST', '/chatrooms', { name: 'new', description: 'since', owner: 'erin', members: ['frank'] })
      ).data.id;
      await ok('DELETE', `/chatrooms/${rooms.full}`);
      await ok('POST', `/chatrooms/${rooms.empty}/users`, { usernames: ['bob', 'carol'] });
      await ok('DELETE', `/chatrooms/${rooms.decorated}/users/heidi`);
      await ok('PUT', `/chatrooms/${rooms.custom}`, { newowner: 'alice' });
      await ok('DELETE', `/chatrooms/${rooms.moderated}/admin/carol`);
      await ok('DELETE', `/chatrooms/${rooms.moderated}/blocks/users/frank`);
      await ok('PUT', `/chatrooms/${rooms.moderated}`, { name: 'renamed' });
      const r = await run(...args());
      expect(r.stderr).toMatch(/0 mismatches/);
      expect(r.code).toBe(0);
      expect(r.report().rooms).toMatchObject({
        in_source: 6,
        imported: 1,
        changed: 4,
        unchanged: 1,
        gone: 1,
        refused: 0,
      });
      const app = (await deps.uow.read((x) => x.apps.findByName('acme', 'chat')))!;
      expect(await deps.uow.read((x) => x.chatrooms.findById(app.id, rooms.full))).toBeNull();
      expect((await deps.uow.read((x) => x.chatrooms.findById(app.id, rooms.custom)))?.owner).toBe('alice');
      expect((await deps.uow.read((x) => x.chatrooms.findById(app.id, rooms.moderated)))?.name).toBe('renamed');
      expect(await deps.uow.read((x) => x.chatrooms.findById(app.id, added))).not.toBeNull();
    } finally {
      await second.close();
    }
  }, 120_000);
});

function pick(s: Record<string, unknown>) {
  const { id, name, description, owner, maxusers, created, custom, mute, affiliations_count } = s as Record<
    string,
    unknown
  >;
  return { id, name, description, owner, maxusers, created, custom, mute, affiliations_count };
}

async function startTargetReader(deps: InMemoryDependencies, appId: string) {
  return {
    async room(id: string) {
      const room = (await deps.uow.read((r) => r.chatrooms.findById(appId, id)))!;
      const affiliations = (await deps.uow.read((r) => r.memberships.affiliations(appId, [id]))).get(id) ?? [];
      return {
        ...pick({
          id: room.id,
          name: room.name,
          description: room.description,
          owner: room.owner,
          maxusers: room.maxUsers,
          created: room.created,
          custom: room.custom,
          mute: room.muteAll,
          affiliations_count: room.memberCount,
        }),
        affiliations: affiliations.map((a) => (a.role === 'owner' ? { owner: a.username } : { member: a.username })),
      };
    },
    mutes: (id: string) => deps.uow.read((r) => r.mutes.listActive(appId, id, deps.clock.now())),
  };
}
