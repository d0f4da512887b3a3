import * as z from 'zod';
import type { Operation } from '../openapi/operation.js';
import type { AppRouter } from '../route-kit/route-kit.js';
import { InstanceSampler } from './instance-figures.js';
import { ADMIN_PREFIX, type OperatorKit } from './operator-kit.js';

const instance = z.strictObject({
  ready: z.boolean(),
  version: z.string(),
  store: z.enum(['postgres', 'pglite', 'mariadb', 'memory']),
  uptime_seconds: z.number().int(),
  window_seconds: z.number(),
  requests_per_second: z.number(),
  p99_ms: z.number().nullable(),
  apps: z.array(
    z.strictObject({
      app: z.string(),
      requests_per_second: z.number(),
      rate_limited_per_second: z.number(),
      rate_limited_total: z.number(),
    }),
  ),
});

export const instanceOperations: readonly Operation[] = [
  {
    method: 'get',
    path: `${ADMIN_PREFIX}/instance`,
    tag: 'operator: instance',
    summary: 'This instance: readiness, version, request rate, p99 and 429s per app over the last ~30 s',
    description: 'From the Prometheus registry `/metrics` serves; the first call of a process spans no time (rates 0).',
    operator: true,
    response: {
      schema: instance,
      example: {
        ready: true,
        version: '0.1.0',
        store: 'postgres',
        uptime_seconds: 3600,
        window_seconds: 29.8,
        requests_per_second: 152.4,
        p99_ms: 25,
        apps: [{ app: 'dev/app', requests_per_second: 150.1, rate_limited_per_second: 0.5, rate_limited_total: 42 }],
      },
    },
    errors: [401, 500, 503],
  },
];

export function instanceRoutes(router: AppRouter, { api, metrics, signedIn }: OperatorKit): void {
  const sampler = metrics ? new InstanceSampler(metrics) : undefined;
  const started = Date.now();
  router.get(`${ADMIN_PREFIX}/instance`, signedIn, async (ctx) => {
    const figures = sampler
      ? await sampler.figures()
      : { window_seconds: 0, requests_per_second: 0, p99_ms: null, apps: [] };
    ctx.body = {
      ready: await api.database.isReady().catch(() => false),
      version: api.version,
      store: api.database.kind,
      uptime_seconds: Math.floor((Date.now() - started) / 1000),
      ...figures,
    };
  });
}
