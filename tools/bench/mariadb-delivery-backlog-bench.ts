/**
 * delivery-backlog-bench.ts on MariaDB: a dead receiver's backlog against the MariaDB delivery
 * queue's claim. N queued deliveries over ROOMS rooms whose heads are all failing (due in an
 * hour), then CLAIMS claims back to back, timed. Each claim should find nothing to send, and
 * after the first few (which move the held rows to their head's retry time, 1,000 at a time)
 * cost next to nothing, whatever N.
 *
 *   npm run bench:mariadb-delivery-backlog -w @chatroom/tools   # TEST_MARIADB_URL, default mysql://root@127.0.0.1:3306/test
 *
 * Creates its own database and drops it at the end.
 */
import { DEFAULT_APP_SETTINGS } from '@chatroom/domain';
import { openMariadbAdapter, type MariadbAdapter } from '@chatroom/mariadb-adapter';
import { createTestMariadbDatabase } from '@chatroom/mariadb-adapter/testing';
import { createConnection, type Connection } from 'mysql2/promise';
import { randomUUID } from 'node:crypto';
import { timeBacklogClaims } from './timing.js';

const N = Number(process.env['N'] ?? 50_000);
const ROOMS = Number(process.env['ROOMS'] ?? 100);
const CLAIMS = Number(process.env['CLAIMS'] ?? 60);

process.env['TEST_MARIADB_URL'] ??= 'mysql://root@127.0.0.1:3306/test';
const db = await createTestMariadbDatabase();
if (!db) throw new Error('no MariaDB server');
let adapter: MariadbAdapter | undefined;
let client: Connection | undefined;
try {
  adapter = await openMariadbAdapter({ databaseUrl: db.url, poolSize: 4 });
  client = await createConnection({ uri: db.url });
  const app = await adapter.uow.write((r) =>
    r.apps.upsert({
      id: randomUUID(),
      org: 'bench',
      name: 'backlog',
      clientId: 'bench',
      clientSecretHash: 'x',
      tokenKey: 'x',
      keyGeneration: 0,
      settings: DEFAULT_APP_SETTINGS,
      created: Date.now(),
    }),
  );
  const ruleId = randomUUID();
  await adapter.eventRules.add({
    id: ruleId,
    appId: app.id,
    kind: 'webhook',
    target: 'http://127.0.0.1:9/',
    secret: 's',
    operations: null,
    created: Date.now(),
  });
  await client.query('SET SESSION max_recursive_iterations = ?', [N + 1]);
  await client.query(
    `INSERT INTO room_events (id, app_id, org, app, room_id, operation, operator, payload, created_at)
     WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     SELECT UUID(), ?, 'bench', 'backlog', CAST(i % ? AS CHAR), 'JOIN', '@ppAdmin', '{"member":["x"],"type":"DIRECT"}', 0 FROM n`,
    [N, app.id, ROOMS],
  );
  await client.query(
    `INSERT INTO event_deliveries (rule_id, event_seq, room_id, next_at) SELECT ?, seq, room_id, 0 FROM room_events WHERE app_id = ?`,
    [ruleId, app.id],
  );
  // Every room's head has failed and is due again in an hour.
  await client.query(
    `UPDATE event_deliveries d JOIN (SELECT rule_id, MIN(event_seq) AS seq FROM event_deliveries GROUP BY rule_id, room_id) h
       ON d.rule_id = h.rule_id AND d.event_seq = h.seq
     SET d.next_at = CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED) + 3600000, d.attempts = 3`,
  );
  await client.query('ANALYZE TABLE event_deliveries');
  await timeBacklogClaims('MariaDB', adapter.deliveries, N, ROOMS, CLAIMS);
} finally {
  await client?.end();
  await adapter?.close();
  await db.drop();
}
