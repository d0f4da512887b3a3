import { DEFAULT_APP_SETTINGS, type App } from '@chatroom/domain';
import { randomUUID } from 'node:crypto';
import type { PostgresAdapter } from '../open-postgres-adapter.js';

/** A fresh app with one webhook rule (to a closed port: nothing is sent in these tests). */
export async function appWithRule(adapter: PostgresAdapter): Promise<App> {
  const s = randomUUID().slice(0, 8);
  const app: App = {
    id: randomUUID(),
    org: `o${s}`,
    name: `a${s}`,
    clientId: `c${s}`,
    clientSecretHash: 'x',
    tokenKey: 'k'.repeat(40),
    keyGeneration: 1,
    settings: DEFAULT_APP_SETTINGS,
    created: Date.now(),
  };
  await adapter.uow.write((r) => r.apps.upsert(app));
  await adapter.eventRules.add({ id: randomUUID(), appId: app.id, kind: 'webhook', target: 'http://127.0.0.1:9/', secret: 's', operations: null, created: Date.now() });
  return app;
}
