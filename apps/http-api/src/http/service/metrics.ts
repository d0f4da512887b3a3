import { timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';
import { transportErrors } from '../transport-errors.js';
import type { AppRouter } from '../route-kit/route-kit.js';

/**
 * `GET /metrics` in the Prometheus text format. With a token configured (METRICS_TOKEN), only
 * `Authorization: Bearer <token>` gets it; otherwise it is open, like /health.
 */
export function metricsRoutes(router: AppRouter, registry: Registry, token: string | undefined): void {
  const expected = token === undefined ? undefined : Buffer.from(`Bearer ${token}`);
  router.get('/metrics', async (ctx) => {
    if (expected) {
      const given = Buffer.from(ctx.get('authorization'));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw transportErrors.metricsTokenRequired();
      }
    }
    ctx.type = registry.contentType;
    ctx.body = await registry.metrics();
  });
}
