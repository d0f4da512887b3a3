import { Command, CommanderError } from 'commander';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createContainer } from '../composition/container.js';
import type { Database } from '../ports/database.js';
import { TOKENS } from '../ports/tokens.js';
import { createLogger } from '../logger.js';
import { webhooksCommands, WebhooksFailure } from './webhooks-commands.js';

const STRONG_SECRET = 'Xq7-mP2vL9zR4tW8yB3nK6cF';
let dir: string;
let env: NodeJS.ProcessEnv;
const makeContainer = (e: NodeJS.ProcessEnv) => createContainer(loadConfig(e), createLogger('silent'));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'webhooks-cli-'));
  // Loopback receivers in these tests: the opt-in a test or a private deployment sets.
  env = {
    DATA_DIR: dir,
    WEBHOOK_ALLOW_PRIVATE: 'true',
    BOOTSTRAP_ORG: 'acme',
    BOOTSTRAP_APP: 'live',
    BOOTSTRAP_CLIENT_ID: 'cid',
    BOOTSTRAP_CLIENT_SECRET: 'secret',
  };
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
    const added = await admin(
      'add',
      '--org',
      'acme',
      '--app',
      'live',
      '--url',
      'http://127.0.0.1:19200/cb',
      '--events',
      'join,leave',
    );
    expect(added.out).toMatchObject({
      org: 'acme',
      app: 'live',
      kind: 'webhook',
      url: 'http://127.0.0.1:19200/cb',
      events: 'JOIN,LEAVE',
    });
    expect(added.out.secret).toMatch(/^[\w-]{32}$/);
    const listed = await admin('list', '--org', 'acme', '--app', 'live');
    expect(listed.out).toEqual([expect.objectContaining({ id: added.out.id, events: 'JOIN,LEAVE' })]);
    expect(listed.out[0]).not.toHaveProperty('secret');
    expect((await admin('remove', '--id', added.out.id)).out).toEqual({ id: added.out.id, removed: true });
    expect((await admin('list')).out).toEqual([]);
  });

  it('a NATS rule and a chosen secret', async () => {
    const added = await admin(
      'add',
      '--org',
      'acme',
      '--app',
      'live',
      '--kind',
      'nats',
      '--url',
      'nats://127.0.0.1:4222',
      '--secret',
      STRONG_SECRET,
    );
    expect(added.out).toMatchObject({
      kind: 'nats',
      url: 'nats://127.0.0.1:4222',
      secret: STRONG_SECRET,
      events: 'all',
    });
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
    [
      ['add', '--org', 'acme', '--app', 'live', '--url', 'ftp://x.test/'],
      'must be an http://, https:// or nats:// URL',
    ],
    [
      ['add', '--org', 'acme', '--app', 'live', '--url', 'http://x.test/', '--events', 'JOIN,EXPLODE'],
      'must be a comma list',
    ],
    [
      ['add', '--org', 'acme', '--app', 'live', '--url', 'http://x.test/', '--kind', 'nats'],
      '--kind nats takes a nats:// URL',
    ],
    [['remove', '--id', '00000000-0000-4000-8000-000000000000'], 'No rule has the id'],
    [
      ['add', '--org', 'acme', '--app', 'live', '--url', 'http://x.test/', '--secret', 's3cret'],
      'must be at least 24 characters, at least 12 of them different',
    ],
    [
      ['add', '--org', 'acme', '--app', 'live', '--url', 'http://x.test/', '--secret', 'ab'.repeat(20)],
      'it repeats too few characters',
    ],
    [['replay', '--org', 'acme', '--app', 'live', '--since', 'yesterday'], 'must be an ISO time'],
  ])('%j fails with a sentence', async (args, message) => {
    expect((await admin(...args)).error).toContain(message);
  });
});

describe('admin webhooks add without WEBHOOK_ALLOW_PRIVATE', { timeout: 30_000 }, () => {
  const refusedEnv = () => ({ ...env, WEBHOOK_ALLOW_PRIVATE: 'false' });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://localhost:5432/',
    'http://[::ffff:10.0.0.1]/cb',
    'http://192.168.1.10/cb',
  ])('refuses %s in one sentence naming the opt-in, and stores nothing', async (url) => {
    const saved = env;
    env = refusedEnv();
    try {
      const refused = await admin('add', '--org', 'acme', '--app', 'live', '--url', url);
      expect(refused.error).toMatch(
        /^Refused: .* is a loopback, private, link-local or multicast address; set WEBHOOK_ALLOW_PRIVATE=true to allow it\.$/,
      );
      expect((await admin('list')).out).toEqual([]);
    } finally {
      env = saved;
    }
  });

  it('accepts a public destination; a NATS rule on loopback is not a webhook and is accepted', async () => {
    const saved = env;
    env = refusedEnv();
    try {
      const web = await admin('add', '--org', 'acme', '--app', 'live', '--url', 'https://93.184.216.34/cb');
      expect(web.out).toMatchObject({ url: 'https://93.184.216.34/cb' });
      const nats = await admin(
        'add',
        '--org',
        'acme',
        '--app',
        'live',
        '--kind',
        'nats',
        '--url',
        'nats://127.0.0.1:4222',
      );
      expect(nats.out).toMatchObject({ kind: 'nats' });
      await admin('remove', '--id', web.out.id);
      await admin('remove', '--id', nats.out.id);
    } finally {
      env = saved;
    }
  });
});
