import type { App } from '@chatroom/domain';
import { randomUUID } from 'node:crypto';
import type { PostgresAdapter } from '../open-postgres-adapter.js';
import { seedApp } from '@chatroom/sql-store-kit/testing';

/** A fresh app with one webhook rule (to a closed port: nothing is sent in these tests). */
export async function appWithRule(adapter: PostgresAdapter): Promise<App> {
  const app = await seedApp(adapter.uow);
  await adapter.eventRules.add({
    id: randomUUID(),
    appId: app.id,
    kind: 'webhook',
    target: 'http://127.0.0.1:9/',
    secret: 's',
    operations: null,
    created: Date.now(),
  });
  return app;
}
