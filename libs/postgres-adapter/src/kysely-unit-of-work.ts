import type { Repositories, UnitOfWork } from '@chatroom/domain';
import type { Kysely } from 'kysely';
import { KyselyAppRepository } from './kysely-app-repository.js';
import { KyselyEventOutbox } from './kysely-event-outbox.js';
import { KyselyChatroomRepository } from './kysely-chatroom-repository.js';
import { KyselyMembershipRepository } from './kysely-membership-repository.js';
import { KyselyMuteRepository } from './kysely-mute-repository.js';
import { KyselyRoomAttributeRepository } from './kysely-room-attribute-repository.js';
import { KyselyRoomUserListRepository } from './kysely-room-user-list-repository.js';
import { KyselySuperAdminRepository } from './kysely-super-admin-repository.js';
import { KyselyUserRepository } from './kysely-user-repository.js';
import type { Database } from './schema/database.js';
import { SequenceIdGenerator } from './sequence-id-generator.js';
import type { KeyedTransactions } from './keyed-transactions.js';
import { retryOnConflict, type OnRetry } from './conflict-retries.js';
import { translateDatabaseError } from './translate-database-error.js';

/**
 * `write` = one transaction (READ COMMITTED: the repositories' guarded counters and row locks
 * are what keep invariants, not the isolation level), run again whole on a conflict (retryOnConflict).
 * kysely commits, or rolls back when the work throws, and releases the connection in all cases,
 * which PGlite needs: an unfinished transaction there blocks every later query.
 * On PGlite the dialect's driver hands its single connection to one holder at a time, which
 * serialises units of work (a FIFO mutex); a `read` takes it per query.
 * Everything a unit does, ids included, goes through the repositories it is handed, which are
 * bound to its transaction: there is no ambient transaction, with one exception: under a
 * request with an Idempotency-Key (KeyedTransactions), a unit joins that request's transaction,
 * so that the change and the stored response commit together. Events appended by a unit are
 * buffered and written in one statement just before its commit (KyselyEventOutbox).
 */
export class KyselyUnitOfWork implements UnitOfWork {
  private waiting = 0;
  private readonly reader: Repositories;

  /** `onRetry` hears of every run again (metrics): attempt about to start, and the SQLSTATE that caused it. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly onRetry?: OnRetry,
    private readonly keyed?: KeyedTransactions,
    /** Called after a unit that stored events commits (wakes this instance's delivery worker). */
    private readonly onEventsCommitted: () => void = () => {},
  ) {
    this.reader = repositories(db);
  }

  /**
   * Units that have asked for their transaction and not yet got it: on PGlite, those queued
   * behind the unit holding the one connection (a test probe; PostgreSQL shows lock waits
   * in pg_stat_activity instead).
   */
  get unitsWaitingToBegin(): number {
    return this.waiting;
  }

  async write<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const outer = this.keyed?.current();
    // Under a keyed request: its transaction, whose outbox it flushes before its commit. Not
    // retried here: a conflict aborts that whole transaction, which the runner runs again.
    if (outer) return work(repositories(outer.trx, outer.events));
    return retryOnConflict(async () => {
      let begun = false;
      this.waiting += 1;
      try {
        let stored = false;
        const result = await this.db.transaction().execute(async (trx) => {
          begun = true;
          this.waiting -= 1;
          const events = new KyselyEventOutbox(trx);
          const value = await work(repositories(trx, events));
          stored = await events.flush();
          return value;
        });
        if (stored) this.onEventsCommitted();
        return result;
      } finally {
        if (!begun) this.waiting -= 1;
      }
    }, this.onRetry);
  }

  async read<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    try {
      // Reads run on the pool, query by query: one set of repositories serves them all.
      return await work(this.reader);
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }
}

/**
 * The repositories of one unit, bound to its transaction (or, for reads, to the pool). Plain
 * objects: the profile shows building them costs nothing next to one round trip, and a caller
 * may spread them (`{ ...r, users }`) as tests do.
 */
export function repositories(db: Kysely<Database>, events: KyselyEventOutbox = new KyselyEventOutbox(db)): Repositories {
  return {
    ids: new SequenceIdGenerator(db),
    apps: new KyselyAppRepository(db),
    users: new KyselyUserRepository(db),
    chatrooms: new KyselyChatroomRepository(db),
    memberships: new KyselyMembershipRepository(db),
    roomUserLists: new KyselyRoomUserListRepository(db),
    mutes: new KyselyMuteRepository(db),
    roomAttributes: new KyselyRoomAttributeRepository(db),
    superAdmins: new KyselySuperAdminRepository(db),
    events,
    eventLog: events,
  };
}
