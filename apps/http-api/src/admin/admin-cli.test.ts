import { inMemoryDependencies, type InMemoryDependencies } from '@chatroom/domain';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createContainer } from '../composition/container.js';
import { useInMemoryAdapters } from '../composition/in-memory-adapters.js';
import { createLogger } from '../logger.js';
import { runAdmin } from './admin-cli.js';
import type { ContainerFactory } from './admin-session.js';

/** The CLI on in-memory ports shared by every command of one test, as one database would be. */
function cli(deps: InMemoryDependencies = inMemoryDependencies()) {
  const makeContainer: ContainerFactory = (env) => {
    const container = createContainer(loadConfig(env), createLogger('silent'));
    useInMemoryAdapters(container, deps);
    return container;
  };
  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runAdmin(argv, { env: {}, out: (t) => (stdout += t), err: (t) => (stderr += t) }, makeContainer);
    return { code, stdout, stderr, json: () => JSON.parse(stdout) };
  };
  return { deps, run };
}

const APP = ['--org', 'acme', '--app', 'chat'];

describe('admin CLI (in process, in-memory ports)', () => {
  it('apps create prints exactly {org, app, client_id, client_secret} as JSON and exits 0', async () => {
    const { run } = cli();
    const r = await run(
      'apps',
      'create',
      ...APP,
      '--room-quota',
      '5',
      '--maxusers-ceiling',
      '300',
      '--joined-room-cap',
      '7',
      '--custom-room-ids',
      'false',
      '--rate-limit',
      '25',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.json()).toEqual({
      org: 'acme',
      app: 'chat',
      client_id: expect.stringMatching(/^YXA6/),
      client_secret: expect.any(String),
    });
    const shown = (await run('apps', 'show', ...APP)).json();
    expect(shown).toMatchObject({
      room_quota: 5,
      maxusers_ceiling: 300,
      joined_room_cap: 7,
      custom_room_ids: false,
      rate_limit: '25',
      rooms: 0,
      users: 0,
      key_generation: 0,
    });
  });

  it('apps create of an existing app exits 1 with one sentence and changes nothing', async () => {
    const { run } = cli();
    await run('apps', 'create', ...APP);
    const before = (await run('apps', 'show', ...APP)).stdout;
    const r = await run('apps', 'create', ...APP, '--room-quota', '1');
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'error: The app acme/chat already exists.\n' });
    expect((await run('apps', 'show', ...APP)).stdout).toBe(before);
  });

  it('apps list gives every app without secrets; --table prints aligned columns', async () => {
    const { run } = cli();
    await run('apps', 'create', '--org', 'zeta', '--app', 'b');
    await run('apps', 'create', ...APP);
    const listed = (await run('apps', 'list')).json();
    expect(listed.map((a: { org: string; app: string }) => `${a.org}/${a.app}`)).toEqual(['acme/chat', 'zeta/b']);
    expect(JSON.stringify(listed)).not.toMatch(/secret|token_key|hash/);
    const table = await run('apps', 'list', '--table');
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^org\s+app\s+application\s+client_id/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 2).join('/'))).toEqual(['acme/chat', 'zeta/b']);
    expect((await run('apps', 'list', '--table')).stdout).toBe(table.stdout);
  });

  it('apps show of an unknown app exits 1: one sentence naming it', async () => {
    expect(await cli().run('apps', 'show', '--org', 'acme', '--app', 'nope')).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'error: There is no app acme/nope.\n',
    });
  });

  it('apps rotate-secret prints a new secret; the old one no longer gets a token, the new one does', async () => {
    const { run, deps } = cli();
    const created = (await run('apps', 'create', ...APP)).json();
    const rotated = await run('apps', 'rotate-secret', ...APP);
    expect(rotated.code).toBe(0);
    expect(rotated.json()).toEqual({ ...created, client_secret: expect.any(String) });
    expect(rotated.json().client_secret).not.toBe(created.client_secret);
    const app = (await deps.uow.read((r) => r.apps.findByName('acme', 'chat')))!;
    expect(await deps.secretHasher.verify(created.client_secret, app.clientSecretHash)).toBe(false);
    expect(await deps.secretHasher.verify(rotated.json().client_secret, app.clientSecretHash)).toBe(true);
    expect(app.keyGeneration).toBe(1);
  });

  it('apps revoke-tokens raises the key generation and keeps the secret', async () => {
    const { run, deps } = cli();
    const created = (await run('apps', 'create', ...APP)).json();
    const r = await run('apps', 'revoke-tokens', ...APP);
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({ org: 'acme', app: 'chat', key_generation: 1 });
    const app = (await deps.uow.read((x) => x.apps.findByName('acme', 'chat')))!;
    expect(await deps.secretHasher.verify(created.client_secret, app.clientSecretHash)).toBe(true);
  });

  it('apps set-limits changes only what is given', async () => {
    const { run } = cli();
    await run('apps', 'create', ...APP, '--room-quota', '5');
    const r = await run('apps', 'set-limits', ...APP, '--rate-limit', 'easemob', '--joined-room-cap', '9');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({
      room_quota: 5,
      joined_room_cap: 9,
      rate_limit: 'easemob',
      maxusers_ceiling: 10000,
    });
    expect((await run('apps', 'set-limits', ...APP, '--rate-limit', 'off')).json().rate_limit).toBe('off');
  });

  it('apps delete --yes removes the app; a second delete exits 1', async () => {
    const { run } = cli();
    await run('apps', 'create', ...APP);
    expect((await run('apps', 'delete', ...APP, '--yes')).json()).toEqual({ org: 'acme', app: 'chat', deleted: true });
    expect((await run('apps', 'list')).json()).toEqual([]);
    expect(await run('apps', 'delete', ...APP, '--yes')).toMatchObject({
      code: 1,
      stderr: 'error: There is no app acme/chat.\n',
    });
  });

  it.each([
    [
      ['apps', 'create', '--org', 'acme'],
      "error: required option '--app <app>' not specified",
      'Usage: admin apps create [options]',
    ],
    [
      ['apps', 'create', ...APP, '--room-quota', '0'],
      "error: option '--room-quota <n>' argument '0' is invalid. must be an integer from 1 to 1000000000.",
      'Usage: admin apps create [options]',
    ],
    [
      ['apps', 'create', ...APP, '--custom-room-ids', 'yes'],
      "error: option '--custom-room-ids <true|false>' argument 'yes' is invalid. must be true or false.",
      'Usage: admin apps create [options]',
    ],
    [
      ['apps', 'set-limits', ...APP, '--rate-limit', 'fast'],
      "error: option '--rate-limit <easemob|off|N>' argument 'fast' is invalid. must be off, easemob or a whole number of requests per second from 1 to 1000000.",
      'Usage: admin apps set-limits [options]',
    ],
    [
      ['apps', 'set-limits', ...APP],
      'error: give at least one limit to change',
      'Usage: admin apps set-limits [options]',
    ],
    [
      ['apps', 'delete', ...APP],
      'error: deleting an app removes all of its data: add --yes to confirm',
      'Usage: admin apps delete [options]',
    ],
    [['apps', 'show', ...APP, '--colour'], "error: unknown option '--colour'", 'Usage: admin apps show [options]'],
    [['apps', 'frobnicate'], "error: unknown command 'frobnicate'", 'Usage: admin apps [options] [command]'],
  ])('bad usage %j exits 2 with the error and the usage line, touching nothing', async (argv, error, usage) => {
    const { run, deps } = cli();
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([error, usage]);
    expect(await deps.uow.read((x) => x.apps.count())).toBe(0);
  });

  it('no command at all exits 2 with the help', async () => {
    const r = await cli().run();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: admin [options] [command]');
  });

  it.each([
    [['--help']],
    [['apps', '--help']],
    ...['create', 'list', 'show', 'rotate-secret', 'revoke-tokens', 'set-limits', 'delete'].map((c) => [
      ['apps', c, '--help'],
    ]),
  ])('%j prints help on stdout and exits 0', async (argv) => {
    const r = await cli().run(...argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: admin/);
    expect(r.stderr).toBe('');
  });
});
