import { Command, CommanderError } from 'commander';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createContainer } from '../composition/container.js';
import type { Database } from '../composition/database.js';
import { TOKENS } from '../composition/tokens.js';
import { createLogger } from '../logger.js';
import { webhooksCommands, WebhooksFailure } from './webhooks-commands.js';

let dir: string;
let env: NodeJS.ProcessEnv;
const makeContainer = (e: NodeJS.ProcessEnv) => createContainer(loadConfig(e), createLogger('silent'));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'webhooks-cli-'));
  env = { DATA_DIR: dir, BOOTSTRAP_ORG: 'acme', BOOTSTRAP_APP: 'live', BOOTSTRAP_CLIENT_ID: 'cid', BOOTSTRAP_CLIENT_SECRET: 'secret' };
  // The app the rules are for, as the service would have created it.
  const container = makeContainer(env);
  const db = await container.getAsync<Database>(TOKENS.Database);
  const { bootstrapApp } = await import('../bootstrap-app.js');
  await bootstrapApp(await container.getAsync(TOKENS.UseCases), loadConfig(env), db, createLogger('silent'));
  await db.close();
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs `webhooks …` as the admin CLI would; returns stdout as JSON, or the failure. */
async function admin(...args: string[]): Promise<{ out: any; error?: string }> {
  let out = '';
  let err = '';
  const program = new Command('admin')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  webhooksCommands(program, { io: { env, out: (s) => (out += s), err: (s) => (err += s) }, makeContainer });
  try {
    await program.parseAsync(['webhooks', ...args], { from: 'user' });
    return { out: JSON.parse(out) };
  } catch (error) {
    if (error instanceof WebhooksFailure) return { out: null, error: error.message };
    if (error instanceof CommanderError) return { out: null, error: err.trim() };
    throw error;
  }
}

// Each command opens the PGlite store, as the real CLI does: seconds each on a busy machine.
describe('admin webhooks …', { timeout: 30_000 }, () => {
  it('add prints the rule with its id and a generated secret; list shows it without the secret; remove deletes it', async () => {
    const added = await admin('add', '--org', 'acme', '--app', 'live', '--url', 'http://127.0.0.1:19200/cb', '--events', 'join,leave');
    expect(added.out).toMatchObject({ org: 'acme', app: 'live', kind: 'webhook', url: 'http://127.0.0.1:19200/cb', events: 'JOIN,LEAVE' });
    expect(added.out.secret).toMatch(/^[\w-]{32}$/);
    const listed = await admin('list', '--org', 'acme', '--app', 'live');
    expect(listed.out).toEqual([expect.objectContaining({ id: added.out.id, events: 'JOIN,LEAVE' })]);
    expect(listed.out[0]).not.toHaveProperty('secret');
    expect((await admin('remove', '--id', added.out.id)).out).toEqual({ id: added.out.id, removed: true });
    expect((await admin('list')).out).toEqual([]);
  });

  it('a NATS rule and a chosen secret', async () => {
    const added = await admin('add', '--org', 'acme', '--app', 'live', '--kind', 'nats', '--url', 'nats://127.0.0.1:4222', '--secret', 's3cret');
    expect(added.out).toMatchObject({ kind: 'nats', url: 'nats://127.0.0.1:4222', secret: 's3cret', events: 'all' });
    await admin('remove', '--id', added.out.id);
  });

  it('replay queues the events stored since the time', async () => {
    const added = await admin('add', '--org', 'acme', '--app', 'live', '--url', 'https://example.test/cb');
    expect((await admin('replay', '--org', 'acme', '--app', 'live', '--since', '2000-01-01T00:00:00Z')).out).toEqual({
      org: 'acme',
      app: 'live',
      since: '2000-01-01T00:00:00.000Z',
      queued: 0,
    });
    await admin('remove', '--id', added.out.id);
  });

  it.each([
    [['add', '--org', 'acme', '--app', 'nope', '--url', 'http://x.test/'], 'There is no app acme/nope.'],
    [['add', '--org', 'acme', '--app', 'live', '--url', 'ftp://x.test/'], 'must be an http://, https:// or nats:// URL'],
    [['add', '--org', 'acme', '--app', 'live', '--url', 'http://x.test/', '--events', 'JOIN,EXPLODE'], 'must be a comma list'],
    [['add', '--org', 'acme', '--app', 'live', '--url', 'http://x.test/', '--kind', 'nats'], '--kind nats takes a nats:// URL'],
    [['remove', '--id', '00000000-0000-4000-8000-000000000000'], 'No rule has the id'],
    [['replay', '--org', 'acme', '--app', 'live', '--since', 'yesterday'], 'must be an ISO time'],
  ])('%j fails with a sentence', async (args, message) => {
    expect((await admin(...args)).error).toContain(message);
  });
});
