import { inMemoryDependencies, NO_USABLE_PASSWORD, type InMemoryDependencies, type RoomEvent } from '@chatroom/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createContainer } from '../../composition/container.js';
import { useInMemoryAdapters } from '../../composition/in-memory-adapters.js';
import { createLogger } from '../../logger.js';
import { fillSource, type FilledSource } from '../../testing/easemob-source-rooms.js';
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
  return ['import', 'easemob', ...TARGET, '--from', `${source.url}/${source.org}/${source.app}`, '--client-id', source.clientId, '--client-secret', source.clientSecret, '--rate', 'off', ...extra];
}

describe('import easemob (source: this service over HTTP; target: in-memory)', () => {
  it('imports every shape of room faithfully, verifies 0 mismatches and exits 0; a second run changes nothing', async () => {
    const { run, deps } = targetCli();
    expect((await run('apps', 'create', ...TARGET, '--custom-room-ids', 'false')).code).toBe(0);
    const first = await run(...importArgs());
    expect(first.stderr).toMatch(/6 rooms in the source; 6 imported, 0 changed, 0 unchanged, 0 already done, 0 refused, 0 gone; 0 mismatches/);
    expect(first.code).toBe(0);
    expect(first.report()).toMatchObject({ rooms: { in_source: 6, imported: 6, refused: 0 }, mismatch_count: 0, super_admins: { added: 1, removed: 0 } });

    const app = (await deps.uow.read((r) => r.apps.findByName('acme', 'chat')))!;
    const target = await startTargetReader(deps, app.id);
    for (const id of Object.values(filled.rooms)) {
      const s = (await source.call('GET', source.appPath(`/chatrooms/${id}`))).body.data[0];
      const t = await target.room(id);
      expect({ ...t, affiliations: undefined }).toEqual({ ...pick(s), affiliations: undefined });
      expect(t.affiliations).toEqual(s.affiliations);
    }
    const moderated = filled.rooms.moderated;
    expect(await target.mutes(moderated)).toEqual([{ username: 'dave', expiresAt: -1 }, { username: 'erin', expiresAt: filled.muteEnd }]);
    expect((await target.room(moderated)).mute).toBe(true);
    expect(await deps.uow.read((r) => r.roomAttributes.list(app.id, filled.rooms.decorated)).then((a) => Object.fromEntries(a.map((x) => [x.key, x.value])))).toEqual({ topic: 'ducks', level: '3', mood: 'calm' });
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

function pick(s: Record<string, unknown>) {
  const { id, name, description, owner, maxusers, created, custom, mute, affiliations_count } = s as Record<string, unknown>;
  return { id, name, description, owner, maxusers, created, custom, mute, affiliations_count };
}

async function startTargetReader(deps: InMemoryDependencies, appId: string) {
  return {
    async room(id: string) {
      const room = (await deps.uow.read((r) => r.chatrooms.findById(appId, id)))!;
      const affiliations = (await deps.uow.read((r) => r.memberships.affiliations(appId, [id]))).get(id) ?? [];
      return {
        ...pick({ id: room.id, name: room.name, description: room.description, owner: room.owner, maxusers: room.maxUsers, created: room.created, custom: room.custom, mute: room.muteAll, affiliations_count: room.memberCount }),
        affiliations: affiliations.map((a) => (a.role === 'owner' ? { owner: a.username } : { member: a.username })),
      };
    },
    mutes: (id: string) => deps.uow.read((r) => r.mutes.listActive(appId, id, deps.clock.now())),
  };
}
