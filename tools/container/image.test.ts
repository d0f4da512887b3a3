import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { deploymentContainer, podManifest } from './pod-manifest.js';
import { logs, podman, podmanAsync, podmanQuiet, rssMegabytes, waitForOk } from './podman.js';

// The image, built as `npm run image:build` builds it, and the pod template of
// deploy/kubernetes/base/deployment.yaml played by `podman kube play` beside PostgreSQL 15.
// Ports: 127.0.0.1:18420–18424 only.
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
const IMAGE = 'localhost/chatroom:latest';
const POSTGRES_IMAGE = 'localhost/chatroom-postgres:15';
const POD = 'chatroom-image-test';
const SERVICE = `${POD}-chatroom`;
const HTTP_PORT = 18420;
const POSTGRES_PORT = 18421;
const SECOND_PORT = 18422;
const EMBEDDED_PORT = 18423;
const BASE_URL = `http://127.0.0.1:${HTTP_PORT}`;
const APP_LAYER_LIMIT = 40 * 1000 * 1000;

const postgresPassword = randomBytes(12).toString('hex');
const secrets = {
  DATABASE_URL: `postgres://postgres:${postgresPassword}@127.0.0.1:5432/postgres`,
  TOKEN_MASTER_KEY: randomBytes(32).toString('hex'),
  METRICS_TOKEN: randomBytes(16).toString('hex'),
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const say = (line: string) => console.log(`test:image: ${line}`);

function script(name: string): string {
  const started = performance.now();
  const out = execFileSync('bash', [join(HERE, name)], {
    cwd: REPO,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  say(`${name} ${seconds(performance.now() - started)}`);
  return out.trim();
}

let workDir: string;
let podFile: string;
let runtimeBase: string;

async function call(method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

function admin(...args: string[]): any {
  return JSON.parse(podman('exec', SERVICE, 'node', 'dist/admin/main.js', ...args));
}

beforeAll(async () => {
  const suiteStart = performance.now();
  [runtimeBase] = script('build-base.sh').split('\n') as [string];
  script('image-build.sh');
  const started = performance.now();
  podman(
    'build',
    '--pull=never',
    '-q',
    '--build-arg',
    `BASE=${runtimeBase}`,
    '-f',
    join(HERE, 'postgres.Containerfile'),
    '-t',
    POSTGRES_IMAGE,
    HERE,
  );
  say(`PostgreSQL image ${seconds(performance.now() - started)}`);

  workDir = mkdtempSync(join(tmpdir(), 'chatroom-image-'));
  podFile = join(workDir, 'pod.yaml');
  const pod = podManifest({
    name: POD,
    image: IMAGE,
    postgresImage: POSTGRES_IMAGE,
    httpPort: HTTP_PORT,
    postgresPort: POSTGRES_PORT,
    secrets,
    postgresPassword,
  });
  writeFileSync(podFile, stringify(pod));
  podmanQuiet('pod', 'rm', '-f', POD);
  const played = performance.now();
  podman('kube', 'play', podFile);
  const ready = await waitForOk(`${BASE_URL}/ready`, played, 180_000);
  say(`kube play → /ready ${seconds(ready)} (the service restarts until PostgreSQL accepts connections)`);
  say(`set-up ${seconds(performance.now() - suiteStart)}`);
});

afterAll(() => {
  podmanQuiet('pod', 'rm', '-f', '-t', '5', POD);
  podmanQuiet('rm', '-f', '-v', `${POD}-second`, `${POD}-embedded`);
  podmanQuiet('volume', 'rm', '-f', `${POD}-data`);
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the image', () => {
  it("copies every workspace's package.json before npm ci (the layer that caches the install)", () => {
    const containerfile = readFileSync(join(REPO, 'Containerfile'), 'utf8');
    const { workspaces } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { workspaces: string[] };
    const dirs = workspaces.flatMap((pattern) =>
      pattern.endsWith('/*')
        ? readdirSync(join(REPO, pattern.slice(0, -2))).map((name) => `${pattern.slice(0, -2)}/${name}`)
        : [pattern],
    );
    const manifests = dirs.filter((dir) => existsSync(join(REPO, dir, 'package.json')));
    expect(manifests.length).toBeGreaterThan(5);
    for (const dir of manifests) expect(containerfile, dir).toContain(`COPY ${dir}/package.json ${dir}/\n`);
  });

  it('runs as a non-root user, carries its OCI labels and SBOM and no secret, and its application layers stay within 40 MB', () => {
    const config = JSON.parse(podman('image', 'inspect', IMAGE))[0];
    expect(config.Config.User).toBe('10001:10001');
    expect(podman('run', '--rm', IMAGE, 'id', '-u')).toBe('10001');
    const labels = config.Config.Labels as Record<string, string>;
    for (const key of ['source', 'version', 'revision'])
      expect(labels[`org.opencontainers.image.${key}`], key).toMatch(/\S/);
    expect(labels['org.opencontainers.image.version']).toBe(
      JSON.parse(readFileSync(join(REPO, 'apps/http-api/package.json'), 'utf8')).version,
    );
    expect(config.Config.StopSignal).toBe('SIGTERM');
    expect(config.Config.Volumes).toHaveProperty('/data');
    expect(JSON.stringify(config.Healthcheck)).toContain('/ready');
    const env = (config.Config.Env as string[]).map((line) => line.split('=')[0]);
    for (const secret of ['DATABASE_URL', 'TOKEN_MASTER_KEY', 'METRICS_TOKEN', 'BOOTSTRAP_CLIENT_SECRET'])
      expect(env).not.toContain(secret);

    const sbom = JSON.parse(podman('run', '--rm', IMAGE, 'cat', '/app/sbom.cdx.json'));
    expect(sbom.bomFormat).toBe('CycloneDX');
    expect(sbom.components.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['pg', 'koa', '@electric-sql/pglite']),
    );

    const size = Number(podman('image', 'inspect', IMAGE, '--format', '{{.Size}}'));
    const baseSize = Number(podman('image', 'inspect', runtimeBase, '--format', '{{.Size}}'));
    say(
      `image ${(size / 1e6).toFixed(1)} MB = base ${runtimeBase} ${(baseSize / 1e6).toFixed(1)} MB + application ${((size - baseSize) / 1e6).toFixed(1)} MB`,
    );
    expect(size - baseSize).toBeLessThanOrEqual(APP_LAYER_LIMIT);
  });
});

describe("the Deployment's pod under podman kube play, on PostgreSQL 15", () => {
  let roomKept: string;
  let credentials: { client_id: string; client_secret: string };

  it('runs the service container as the manifest says: non-root, read-only root filesystem, port on 127.0.0.1 only', () => {
    const inspect = JSON.parse(podman('inspect', SERVICE))[0];
    expect(inspect.HostConfig.ReadonlyRootfs).toBe(true);
    expect(podman('exec', SERVICE, 'id', '-u')).toBe('10001');
    expect(() => podman('exec', SERVICE, 'node', '-e', "require('fs').writeFileSync('/app/x', '')")).toThrow(
      /read-only file system/i,
    );
    const published = podman('port', SERVICE);
    expect(published).toContain(`127.0.0.1:${HTTP_PORT}`);
    expect(published).not.toContain('0.0.0.0');
  });

  it('the admin CLI in the container creates an app; token, users, create, list, details, modify, transfer and dissolve through the pod port', async () => {
    credentials = admin('apps', 'create', '--org', 'acme', '--app', 'chat');
    expect(admin('apps', 'list').map((a: { org: string; app: string }) => `${a.org}/${a.app}`)).toContain('acme/chat');

    const token = await call('POST', '/acme/chat/token', undefined, {
      grant_type: 'client_credentials',
      ...credentials,
    });
    expect(token.status).toBe(200);
    const bearer = token.body.access_token as string;

    const users = await call(
      'POST',
      '/acme/chat/users',
      bearer,
      ['ann', 'ben', 'cat'].map((username) => ({ username, password: `pw-${username}` })),
    );
    expect(users.status).toBe(200);

    const create = await call('POST', '/acme/chat/chatrooms', bearer, {
      name: 'lobby',
      description: 'd',
      owner: 'ann',
      members: ['ben', 'cat'],
      maxusers: 10,
    });
    expect(create.status).toBe(200);
    const id = create.body.data.id as string;
    const kept = await call('POST', '/acme/chat/chatrooms', bearer, { name: 'kept', description: 'd', owner: 'ben' });
    roomKept = kept.body.data.id;

    const list = await call('GET', '/acme/chat/chatrooms', bearer);
    expect(list.body.data.map((room: { id: string }) => room.id)).toEqual(expect.arrayContaining([id, roomKept]));
    const details = await call('GET', `/acme/chat/chatrooms/${id}`, bearer);
    expect(details.body.data[0]).toMatchObject({ name: 'lobby', owner: 'ann', affiliations_count: 3 });

    expect((await call('PUT', `/acme/chat/chatrooms/${id}`, bearer, { name: 'hall' })).body.data).toEqual({
      groupname: true,
    });
    expect((await call('PUT', `/acme/chat/chatrooms/${id}`, bearer, { newowner: 'cat' })).status).toBe(200);
    expect((await call('GET', `/acme/chat/chatrooms/${id}`, bearer)).body.data[0]).toMatchObject({
      name: 'hall',
      owner: 'cat',
    });

    expect((await call('DELETE', `/acme/chat/chatrooms/${id}`, bearer)).body.data).toEqual({ success: true, id });
    expect((await call('GET', `/acme/chat/chatrooms/${id}`, bearer)).status).toBe(404);

    const metrics = await fetch(`${BASE_URL}/metrics`, {
      headers: { authorization: `Bearer ${secrets.METRICS_TOKEN}` },
    });
    expect(metrics.status).toBe(200);
  });

  it('restarting the service container finds the data: the app, its room, and the token secret', async () => {
    const started = performance.now();
    podman('restart', '-t', '30', SERVICE);
    say(`podman restart → /ready ${seconds(await waitForOk(`${BASE_URL}/ready`, started, 120_000))}`);
    const token = await call('POST', '/acme/chat/token', undefined, {
      grant_type: 'client_credentials',
      ...credentials,
    });
    expect(token.status).toBe(200);
    const details = await call('GET', `/acme/chat/chatrooms/${roomKept}`, token.body.access_token);
    expect(details.body.data[0]).toMatchObject({ name: 'kept', owner: 'ben' });
  });

  it('`podman run` of one more replica on the migrated database reaches /ready (time and RSS measured from outside), and SIGTERM stops it with 0', async () => {
    const name = `${POD}-second`;
    podmanQuiet('rm', '-f', '-v', name);
    const started = performance.now();
    podman(
      'run',
      '-d',
      '--name',
      name,
      '--network',
      'host',
      '--read-only',
      '-e',
      `PORT=${SECOND_PORT}`,
      '-e',
      'HOST=127.0.0.1',
      '-e',
      `DATABASE_URL=postgres://postgres:${postgresPassword}@127.0.0.1:${POSTGRES_PORT}/postgres`,
      '-e',
      `TOKEN_MASTER_KEY=${secrets.TOKEN_MASTER_KEY}`,
      '-e',
      `METRICS_TOKEN=${secrets.METRICS_TOKEN}`,
      IMAGE,
    );
    const ready = await waitForOk(`http://127.0.0.1:${SECOND_PORT}/ready`, started, 120_000);
    say(
      `podman run → /ready on PostgreSQL ${seconds(ready)} (target < 2 s); RSS ${rssMegabytes(name).toFixed(0)} MB idle`,
    );
    podman('stop', '-t', '30', name);
    expect(podman('inspect', name, '--format', '{{.State.ExitCode}}')).toBe('0');
    podman('rm', '-v', name);
  });

  it('SIGTERM drains: a keep-alive connection open before it is still answered (Connection: close), the service exits 0, and so does the pod', async () => {
    say(`RSS of the pod's service container ${rssMegabytes(SERVICE).toFixed(0)} MB`);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<{ status: number; connection: string | undefined; socket: unknown }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: HTTP_PORT, path, agent }, (res) => {
          res.resume();
          res.on('end', () =>
            resolve({ status: res.statusCode!, connection: res.headers.connection, socket: req.socket }),
          );
        });
        req.on('error', reject);
        req.end();
      });
    const before = await get('/health');
    expect(before.connection).toBe('keep-alive');

    // The container alone, as Kubernetes signals it while the pod's network stays up (podman 4.3's
    // `pod stop` tears the published port down while the container still drains).
    const shutdowns = () => logs(SERVICE).split('shutting down').length;
    const seen = shutdowns();
    const stopping = podmanAsync('stop', '-t', '30', SERVICE);
    const deadline = performance.now() + 15_000;
    while (shutdowns() === seen && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const during = await get('/health');
    expect(during.socket).toBe(before.socket);
    expect(during).toMatchObject({ status: 200, connection: 'close' });
    await stopping;
    agent.destroy();
    expect(podman('inspect', SERVICE, '--format', '{{.State.ExitCode}}')).toBe('0');
    const tail = logs(SERVICE);
    expect(tail.lastIndexOf('"msg":"stopped"')).toBeGreaterThan(tail.lastIndexOf('shutting down'));

    podman('pod', 'stop', '-t', '30', POD);
    expect(podman('inspect', `${POD}-postgres`, '--format', '{{.State.ExitCode}}')).toBe('0');
    expect(podman('inspect', SERVICE, '--format', '{{.State.ExitCode}}')).toBe('0');
  });
});

const kubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
if (!kubectl) console.warn('kustomize rendering not checked: no kubectl on this machine');

describe.skipIf(!kubectl)('the kustomizations (kubectl kustomize, no cluster needed)', () => {
  it('base and the postgres-ha overlay render; the overlay keeps the tested container and sizes the pools', () => {
    const render = (dir: string) =>
      parseAllDocuments(
        execFileSync('kubectl', ['kustomize', join(REPO, 'deploy/kubernetes', dir)], { encoding: 'utf8' }),
      ).map((d) => d.toJS());
    const kinds = (docs: any[]) => docs.map((d) => d.kind).sort();
    expect(kinds(render('base'))).toEqual([
      'ConfigMap',
      'Deployment',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'Service',
    ]);
    const overlay = render('overlays/postgres-ha');
    const deployment = overlay.find((d) => d.kind === 'Deployment');
    expect(deployment.spec.template.spec.containers[0]).toEqual(deploymentContainer());
    expect(overlay.find((d) => d.kind === 'ConfigMap').data.DB_POOL_SIZE).toBe('15');
    expect(overlay.find((d) => d.kind === 'Service' && d.metadata.name === 'chatroom-postgres-primary').spec.type).toBe(
      'ExternalName',
    );
  });
});

describe('embedded mode (npm run image:run): PGlite in a volume', () => {
  it('prints the development app once, and the volume keeps it across a new container', async () => {
    const name = `${POD}-embedded`;
    const volume = `${POD}-data`;
    const url = `http://127.0.0.1:${EMBEDDED_PORT}`;
    const run = () =>
      podman('run', '-d', '--name', name, '-p', `127.0.0.1:${EMBEDDED_PORT}:8080`, '-v', `${volume}:/data`, IMAGE);
    podmanQuiet('rm', '-f', name);
    podmanQuiet('volume', 'rm', '-f', volume);
    let started = performance.now();
    run();
    say(`embedded, empty volume: podman run → /ready ${seconds(await waitForOk(`${url}/ready`, started, 180_000))}`);
    const banner = logs(name);
    const clientId = /client id:\s+(\S+)/.exec(banner)?.[1];
    const clientSecret = /client secret:\s+(\S+)/.exec(banner)?.[1];
    expect(clientId && clientSecret, banner).toBeTruthy();
    podman('rm', '-f', '-t', '30', name);

    started = performance.now();
    run();
    say(`embedded, warm volume: podman run → /ready ${seconds(await waitForOk(`${url}/ready`, started, 180_000))}`);
    expect(logs(name)).not.toContain('Created a development app');
    const token = await fetch(`${url}/dev/app/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
    });
    expect(token.status).toBe(200);
    podman('stop', '-t', '30', name);
    expect(podman('inspect', name, '--format', '{{.State.ExitCode}}')).toBe('0');
  });
});
