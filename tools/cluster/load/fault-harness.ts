import pg from 'pg';
import type { BootstrapCredentials } from '../cluster-state.js';
import type { ProxiedRequest } from './nginx-access-log.js';
import { ChatClient, isWrite, ok, type Outcome } from './chat-client.js';
import { invariantViolations } from './invariants-sql.js';
import { runMixedLoad } from './mixed-load.js';
import { WriteLedger } from './write-ledger.js';

/** What the fault tests need of a running topology. */
export interface LoadTarget {
  readonly baseUrl: string;
  readonly databaseUrl: string;
  readonly bootstrap: BootstrapCredentials;
}

export async function withDatabase<T>(url: string, use: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await use(db);
  } finally {
    await db.end();
  }
}

async function appId(db: pg.Client, app: BootstrapCredentials): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM apps WHERE org = $1 AND name = $2', [
    app.org,
    app.app,
  ]);
  return rows[0]!.id;
}

/** The ledger against the rows, and every invariant recounted; prints and returns both. */
export async function checkDatabase(target: LoadTarget, ledger: WriteLedger) {
  return withDatabase(target.databaseUrl, async (db) => {
    const comparison = await ledger.compareWithDatabase(db, await appId(db, target.bootstrap));
    const violations = await invariantViolations(db);
    console.log(
      `  ledger: ${JSON.stringify(ledger.acknowledged)} acknowledged; ${comparison.checked} facts checked against the rows, ` +
        `${comparison.mismatches.length} missing or wrong; invariant violations: ${violations.length}`,
    );
    return { ...comparison, violations };
  });
}

/** A fresh client and ledger, and 8 workers of mixed load through nginx until `stop()` is called. */
export async function startLoad(target: LoadTarget, users: readonly string[], readShare: number, maxRequests = 40_000) {
  const client = new ChatClient(target.baseUrl, target.bootstrap);
  await client.login();
  const ledger = new WriteLedger();
  let stopAt = Infinity;
  const finished = runMixedLoad({
    client,
    ledger,
    users,
    workers: 8,
    readShare,
    until: () => performance.now() > stopAt,
    maxRequests,
  });
  return {
    client,
    ledger,
    /** Stops the load `afterMs` from now and resolves when every worker has finished. */
    stop: (afterMs = 0) => {
      stopAt = performance.now() + afterMs;
      return finished;
    },
  };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Why requests failed: method, status, the error (or network error), and the instances nginx tried. */
export function failureReasons(
  outcomes: readonly Outcome[],
  log?: Map<string, ProxiedRequest>,
): Record<string, number> {
  const reasons: Record<string, number> = {};
  for (const o of outcomes.filter((x) => !ok(x))) {
    const why =
      o.error ?? (typeof o.body === 'string' ? 'nginx error page' : (o.body?.error_description ?? o.body?.error));
    const proxied = log?.get(o.requestId);
    const tried = proxied
      ? `, nginx tried ${proxied.upstreams.length} instance(s) [${proxied.upstreamStatuses.join(' ')}]`
      : '';
    const key = `${o.method} ${o.op} → ${o.status} ${why}${tried}`;
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
  return reasons;
}

/**
 * When writes were back after a fault at `faultAt`: the end of the first successful write sent
 * after the last failed one (or after the fault, when none failed). Undefined: never back.
 */
export function writesBackAt(outcomes: readonly Outcome[], faultAt: number): number | undefined {
  const writes = outcomes.filter((o) => isWrite(o) && o.endedAt > faultAt);
  const lastFailure = Math.max(faultAt, ...writes.filter((o) => !ok(o)).map((o) => o.endedAt));
  return writes.find((o) => ok(o) && o.startedAt >= lastFailure)?.endedAt;
}
