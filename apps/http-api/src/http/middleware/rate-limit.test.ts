import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type HttpResponse, type TestService } from '../../testing/http-harness.js';

/** Fires `n` requests at once (one window of the budget: they all land within it). */
function burst(n: number, send: () => Promise<HttpResponse>): Promise<HttpResponse[]> {
  return Promise.all(Array.from({ length: n }, send));
}

const statuses = (responses: HttpResponse[]) => responses.map((r) => r.status);
const count = (responses: HttpResponse[], status: number) => statuses(responses).filter((s) => s === status).length;

/** Starts at the beginning of a fresh one-second window, so a burst is not cut in two. */
async function freshWindow(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1_050));
}

describe('rate limit: a plain number per second for the app as a whole', () => {
  let svc: TestService;
  let other: TestService;
  beforeAll(async () => {
    svc = await startTestService({ settings: { rateLimit: { perSecond: 5 } } });
    other = await startTestService();
    await registerUsers(svc, 'ann');
  });
  afterAll(async () => {
    await svc.close();
    await other.close();
  });

  it('lets the budget through, then answers 429 in the Easemob envelope with Retry-After and the RateLimit headers', async () => {
    await freshWindow();
    const responses = await burst(12, () => svc.call('GET', svc.appPath('/users/ann')));
    // A burst can straddle two windows at most: 5 or up to 10 pass, never all 12.
    expect(count(responses, 200)).toBeGreaterThanOrEqual(5);
    expect(count(responses, 200)).toBeLessThanOrEqual(10);
    const refused = responses.find((r) => r.status === 429)!;
    expect(errorRow(refused)).toEqual({
      status: 429,
      error: 'resource_limited',
      error_description: 'Too many requests: this app may make 5 calls per second to app; retry after 1 s',
    });
    expect(refused.body.exception).toBe('RateLimitedError');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('ratelimit-policy')).toBe('"app";q=5;w=1');
    expect(refused.headers.get('ratelimit')).toBe('"app";r=0;t=1');
    const allowed = responses.filter((r) => r.status === 200).map((r) => r.headers.get('ratelimit'));
    expect(allowed).toContain('"app";r=4;t=1');
    expect(allowed).toContain('"app";r=0;t=1');
  });

  it('counts every route of the app in the one budget', async () => {
    await freshWindow();
    const mixed = await Promise.all([
      ...Array.from({ length: 4 }, () => svc.call('GET', svc.appPath('/chatrooms'))),
      ...Array.from({ length: 4 }, () => svc.call('GET', svc.appPath('/users/ann'))),
    ]);
    expect(count(mixed, 429)).toBeGreaterThanOrEqual(1);
  });

  it("requests without a valid token spend a budget of their source address, never the app's: a flood of bad tokens leaves the tenant its budget", async () => {
    await freshWindow();
    const flood = await Promise.all([
      ...Array.from({ length: 20 }, () => svc.call('GET', svc.appPath('/users/ann'), { token: 'not-a-token' })),
      ...Array.from({ length: 20 }, () => svc.call('GET', svc.appPath('/users/ann'), { token: null })),
      ...Array.from({ length: 20 }, () =>
        svc.call('POST', svc.appPath('/token'), {
          token: null,
          body: { grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' },
        }),
      ),
    ]);
    // The flood is bounded per address...
    expect(count(flood, 429)).toBeGreaterThanOrEqual(40);
    // ...and the tenant, in the same window, still has all of its own.
    const tenant = await burst(5, () => svc.call('GET', svc.appPath('/users/ann')));
    expect(statuses(tenant)).toEqual([200, 200, 200, 200, 200]);
  });

  it('leaves other apps alone, and a new window refills the budget', async () => {
    await freshWindow();
    await burst(10, () => svc.call('GET', svc.appPath('/users/ann')));
    const elsewhere = await burst(10, () => other.call('GET', other.appPath('/chatrooms')));
    expect(statuses(elsewhere)).toEqual(Array(10).fill(200));
    // The other app's limit is off: no RateLimit headers at all.
    expect(elsewhere[0]!.headers.get('ratelimit-policy')).toBeNull();
    await freshWindow();
    expect((await svc.call('GET', svc.appPath('/users/ann'))).status).toBe(200);
  });
});

describe("rate limit: Easemob's documented defaults", () => {
  let svc: TestService;
  let room: string;
  beforeAll(async () => {
    svc = await startTestService({ settings: { rateLimit: 'easemob' } });
    await registerUsers(svc, 'bob');
    room = await createRoom(svc, 'bob');
  });
  afterAll(() => svc.close());

  it('the room list has 50 calls per second; room details, a budget of their own, still answer', async () => {
    await freshWindow();
    const listed = await burst(70, () => svc.call('GET', svc.appPath('/chatrooms')));
    expect(count(listed, 200)).toBeGreaterThanOrEqual(50);
    expect(count(listed, 200)).toBeLessThan(70);
    expect(listed[0]!.headers.get('ratelimit-policy')).toBe('"chatrooms.list";q=50;w=1');
    const details = await svc.call('GET', svc.appPath(`/chatrooms/${room}`));
    expect(details.status).toBe(200);
    expect(details.headers.get('ratelimit-policy')).toBe('"GET /chatrooms/:ids";q=100;w=1');
  });
});
