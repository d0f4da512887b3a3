import type { App } from '@chatroom/domain';
import { createContainer, loadConfig, startService, type RunningService } from '@chatroom/http-api';
import { openPostgresAdapter, type PostgresAdapter } from '@chatroom/postgres-adapter';
import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import pg from 'pg';
import { BENCH_MASTER_KEY, BENCH_METRICS_TOKEN } from './bench-server.js';

export interface BenchStore {
  /** The HTTP service, in this process on a free port (logs off). */
  readonly service: RunningService;
  /** A second handle on the database, for driving the use cases directly. */
  readonly adapter: PostgresAdapter;
  /** A plain connection, for set-based seeding and audits. */
  readonly client: pg.Client;
  /** The bootstrap app `org/name` (client id `bench`, secret `secret`). */
  readonly app: App;
  /** An app token of that app, through `POST /token`. */
  token(): Promise<string>;
  /** Stops everything and drops the database. */
  close(): Promise<void>;
}

/** A fresh database on TEST_DATABASE_URL (default the local server) with the service running over it. */
export async function openBenchStore(
  org: string,
  name: string,
  secret: string,
  poolSize: number,
  env: Record<string, string> = {},
): Promise<BenchStore> {
  process.env['TEST_DATABASE_URL'] ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const db = await createTestDatabase();
  if (!db) throw new Error('no PostgreSQL server');
  const client = new pg.Client({ connectionString: db.url });
  let service: RunningService | undefined;
  let adapter: PostgresAdapter | undefined;
  const close = async () => {
    await service?.close();
    await adapter?.close();
    await client.end().catch(() => {});
    await db.drop();
  };
  try {
    service = await startService(
      createContainer(
        loadConfig({
          DATABASE_URL: db.url,
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'silent',
          DB_POOL_SIZE: '4',
          BOOTSTRAP_ORG: org,
          BOOTSTRAP_APP: name,
          BOOTSTRAP_CLIENT_ID: 'bench',
          BOOTSTRAP_CLIENT_SECRET: secret,
          TOKEN_MASTER_KEY: BENCH_MASTER_KEY,
          METRICS_TOKEN: BENCH_METRICS_TOKEN,
          ...env,
        }),
      ),
    );
    adapter = await openPostgresAdapter({ databaseUrl: db.url, poolSize });
    await client.connect();
    const app = await adapter.uow.read((r) => r.apps.findByName(org, name));
    if (!app) throw new Error('the bootstrap app is missing');
    const url = service.url;
    const token = async () => {
      const response = await fetch(`${url}/${org}/${name}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'bench', client_secret: secret }),
      });
      return ((await response.json()) as { access_token: string }).access_token;
    };
    return { service, adapter, client, app, token, close };
  } catch (error) {
    await close();
    throw error;
  }
}
