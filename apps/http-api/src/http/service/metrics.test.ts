import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

/** The value of one sample line of the exposition (`name{labels} value`), or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = match[2] ? match[2].split(',') : [];
    if (wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics (open: no METRICS_TOKEN)', () => {
  let svc: TestService;
  let room: string;
  beforeAll(async () => {
    svc = await startTestService();
    await registerUsers(svc, 'mia');
    room = await createRoom(svc, 'mia');
  });
  afterAll(() => svc.close());

  it('serves the Prometheus text format with the default process metrics and event-loop lag', async () => {
    const response = await svc.call('GET', '/metrics', { token: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toContain('# TYPE http_request_duration_seconds histogram');
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'http_requests_in_flight',
    ]) {
      expect(sample(response.text, name)).toBeGreaterThanOrEqual(0);
    }
    for (const name of [
      'unit_of_work_retries_total',
      'http_unavailable_responses_total',
      'http_rate_limited_responses_total',
    ]) {
      expect(response.text).toContain(`# TYPE ${name} counter`);
    }
    // No pool here (in-memory store): no pool gauges that would read 0 (PostgreSQL: limits-postgres.e2e.test.ts).
    expect(response.text).not.toContain('db_pool_');
  });

  it('labels durations with the route pattern, never the raw path, and unmatched paths with one fixed label', async () => {
    await svc.call('GET', svc.appPath(`/chatrooms/${room}`));
    await svc.call('GET', '/no/such/path/at-all');
    await svc.call('GET', '/another/unknown-path');
    const text = (await svc.call('GET', '/metrics', { token: null })).text;
    const labels = { method: 'GET', route: '/:org/:app/chatrooms/:ids', status_code: '200' };
    expect(sample(text, 'http_request_duration_seconds_count', labels)).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(room);
    expect(text).not.toContain('unknown-path');
    expect(sample(text, 'http_request_duration_seconds_count', { route: 'unmatched', status_code: '404' })).toBe(2);
    // The one request in flight while the registry was read is this scrape itself.
    expect(sample(text, 'http_requests_in_flight')).toBe(1);
  });

  it('counts 429 answers by route', async () => {
    const limited = await startTestService({ settings: { rateLimit: { perSecond: 3 } } });
    try {
      await Promise.all(Array.from({ length: 10 }, () => limited.call('GET', limited.appPath('/users/mia'))));
      expect429Counts((await limited.call('GET', '/metrics', { token: null })).text);
    } finally {
      await limited.close();
    }
  });
});

/** Every 429 answer of the route is counted: as many as the histogram saw with status 429, and several. */
function expect429Counts(text: string): void {
  const limited = sample(text, 'http_rate_limited_responses_total', { route: '/:org/:app/users/:username' });
  const answered429 = sample(text, 'http_request_duration_seconds_count', {
    route: '/:org/:app/users/:username',
    status_code: '429',
  });
  expect(limited).toBeGreaterThanOrEqual(4);
  expect(limited).toBe(answered429);
}

describe('GET /metrics with METRICS_TOKEN', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ env: { METRICS_TOKEN: 'scrape-secret' } });
  });
  afterAll(() => svc.close());

  it('refuses a scrape without the token, or with an app token, in the error envelope', async () => {
    for (const token of [null, svc.token, 'scrape-secre', 'scrape-secret2']) {
      const response = await svc.call('GET', '/metrics', { token });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({
        error: 'unauthorized',
        error_description: 'metrics need the metrics token',
      });
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('serves the scrape with the token', async () => {
    const response = await svc.call('GET', '/metrics', { token: 'scrape-secret' });
    expect(response.status).toBe(200);
    expect(response.text).toContain('http_request_duration_seconds');
  });
});

describe('GET /metrics on METRICS_PORT', () => {
  const METRICS_PORT = 18_101;
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ env: { METRICS_PORT: String(METRICS_PORT) } });
  });
  afterAll(() => svc.close());

  it('is served on its own port only: the API port answers 404, the metrics port the exposition of the API port’s requests', async () => {
    await svc.call('GET', '/health', { token: null });
    const onApiPort = await fetch(`${svc.url}/metrics`);
    expect(onApiPort.status).toBe(404);
    expect(await onApiPort.json()).toMatchObject({ error: 'service_resource_not_found' });
    const scraped = await fetch(`http://127.0.0.1:${METRICS_PORT}/metrics`);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scraped.text();
    expect(
      sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/health', status_code: '200' }),
    ).toBeGreaterThanOrEqual(1);
    const elsewhere = await fetch(`http://127.0.0.1:${METRICS_PORT}/health`);
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toMatchObject({ error: 'service_resource_not_found' });
  });
});
