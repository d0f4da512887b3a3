/**
 * A dead receiver's backlog against the delivery queue's claim (a slow or dead receiver must
 * never slow the API): N queued deliveries over ROOMS rooms whose heads are all
 * failing (due in an hour), then CLAIMS claims back to back, timed. Each claim should find
 * nothing to send, and after the first few (which move the held rows to their head's retry
 * time, SCAN_LIMIT at a time) cost next to nothing, whatever N.
 *
 *   npm run bench:delivery-backlog -w @chatroom/tools      # N=50000 ROOMS=100 CLAIMS=60
 */
import { randomUUID } from 'node:crypto';
import { openBenchStore } from './bench-store.js';
import { timeBacklogClaims } from './timing.js';

const N = Number(process.env['N'] ?? 50_000);
const ROOMS = Number(process.env['ROOMS'] ?? 100);
const CLAIMS = Number(process.env['CLAIMS'] ?? 60);

const store = await openBenchStore('bench', 'backlog', 'secret', 4, { EVENT_DELIVERY: 'false' });
try {
  const { adapter, client, app } = store;
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
  await client.query(
    `WITH ev AS (
       INSERT INTO room_events (app_id, org, app, room_id, operation, operator, payload, created_at)
       SELECT $1::uuid, 'bench', 'backlog', (i % $3)::text, 'JOIN', '@ppAdmin', '{"member":["x"],"type":"DIRECT"}'::jsonb, 0
       FROM generate_series(1, $2) AS i RETURNING seq, room_id)
     INSERT INTO event_deliveries (rule_id, event_seq, room_id, next_at) SELECT $4, seq, room_id, 0 FROM ev`,
    [app.id, N, ROOMS, ruleId],
  );
  // Every room's head has failed and is due again in an hour.
  await client.query(
    `UPDATE event_deliveries SET next_at = (extract(epoch from now()) * 1000)::bigint + 3600000, attempts = 3
     WHERE event_seq IN (SELECT min(event_seq) FROM event_deliveries GROUP BY rule_id, room_id)`,
  );
  await timeBacklogClaims('PostgreSQL', adapter.deliveries, N, ROOMS, CLAIMS);
} finally {
  await store.close();
}
