import pg from 'pg';

/** The other side of a forced deadlock, holding one room and about to ask for another. */
export interface DeadlockPartner {
  /** To be called by the victim once it holds room `first`: the partner then asks for it. */
  victimHolds(): void;
  /** Settles when the partner's transaction has committed (after the victim was aborted). */
  readonly done: Promise<void>;
}

/**
 * Forces a deadlock (40P01) on a transaction of the code under test, "the victim", which must
 * lock room `first` (`SELECT … FOR UPDATE`), call `victimHolds()`, then lock room `second`.
 * The partner, on a session of its own, has locked `second` before this returns, and asks for
 * `first` when told. Its deadlock_timeout is a minute, so PostgreSQL's deadlock check fires in
 * the victim's session (default 1 s) and aborts the victim, not the partner, which then gets
 * `first` and commits. Needs a superuser (SET deadlock_timeout), as the test servers have.
 */
export async function deadlockPartner(
  url: string,
  appId: string,
  first: string,
  second: string,
): Promise<DeadlockPartner> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const lock = (room: string) =>
    client.query('SELECT 1 FROM rooms WHERE app_id = $1 AND id = $2 FOR UPDATE', [appId, room]);
  let victimHolds!: () => void;
  const held = new Promise<void>((resolve) => (victimHolds = resolve));
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL deadlock_timeout = '60s'`);
    await lock(second);
  } catch (error) {
    await client.end();
    throw error;
  }
  const done = (async () => {
    try {
      await held;
      await lock(first);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  })();
  return { victimHolds, done };
}
