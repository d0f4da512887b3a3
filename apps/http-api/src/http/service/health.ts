import { UnavailableError } from '@chatroom/domain';
import type { Database } from '../../ports/database.js';
import type { AppRouter } from '../route-kit/route-kit.js';

export function healthRoutes(router: AppRouter, database: Pick<Database, 'isReady'>): void {
  /** Liveness: the process answers. */
  router.get('/health', (ctx) => {
    ctx.body = { status: 'ok' };
  });

  /** Readiness: the database answers and its migrations are done; 503 otherwise. */
  router.get('/ready', async (ctx) => {
    const ready = await database.isReady().catch(() => false);
    if (!ready) throw new UnavailableError('database is not ready');
    ctx.body = { status: 'ready' };
  });
}
