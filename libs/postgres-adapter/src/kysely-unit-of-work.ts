import type { Repositories, UnitOfWork } from '@chatroom/domain';
import type { Kysely } from 'kysely';
import { KyselyAppRepository } from './kysely-app-repository.js';
import { KyselyChatroomRepository } from './kysely-chatroom-repository.js';
import { KyselyMembershipRepository } from './kysely-membership-repository.js';
import { KyselyMuteRepository } from './kysely-mute-repository.js';
import { KyselyRoomAttributeRepository } from './kysely-room-attribute-repository.js';
import { KyselyRoomUserListRepository } from './kysely-room-user-list-repository.js';
import { KyselySuperAdminRepository } from './kysely-super-admin-repository.js';
import { KyselyUserRepository } from './kysely-user-repository.js';
import type { Database } from './schema/database.js';
import { SequenceIdGenerator } from './sequence-id-generator.js';
import { isRetryable, translateDatabaseError } from './translate-database-error.js';

/** Runs of a unit after a deadlock or serialization failure, the first included. */
const MAX_ATTEMPTS = 5;

/**
 * `write` = one transaction (READ COMMITTED: the repositories' guarded counters and row locks
 * are what keep invariants, not the isolation level), run again whole on 40001/40P01.
 * kysely commits, or rolls back when the work throws, and releases the connection in all cases,
 * which PGlite needs: an unfinished transaction there blocks every later query.
 * On PGlite the dialect's driver hands its single connection to one holder at a time, which
 * serialises units of work (a FIFO mutex); a `read` takes it per query.
 * Everything a unit does, ids included, goes through the repositories it is handed, which are
 * bound to its transaction: there is no ambient transaction (no AsyncLocalStorage). A unit
 * started inside another would wait for a second connection (for ever on PGlite): no use case
 * does that.
 */
export class KyselyUnitOfWork implements UnitOfWork {
  private waiting = 0;
  private readonly reader: Repositories;

  /** `onRetry` hears of every run again (metrics): attempt about to start, and the SQLSTATE that caused it. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly onRetry?: (attempt: number, sqlState: string) => void,
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
    for (let attempt = 1; ; attempt++) {
      let begun = false;
      this.waiting += 1;
      try {
        return await this.db.transaction().execute((trx) => {
          begun = true;
          this.waiting -= 1;
          return work(repositories(trx));
        });
      } catch (error) {
        if (attempt < MAX_ATTEMPTS && isRetryable(error)) {
          this.onRetry?.(attempt + 1, (error as { code: string }).code);
          await pause(attempt);
          continue;
        }
        throw translateDatabaseError(error);
      } finally {
        if (!begun) this.waiting -= 1;
      }
    }
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
function repositories(db: Kysely<Database>): Repositories {
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
  };
}

/** A short random back-off, growing with each attempt, so the conflicting units interleave differently. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** attempt));
}
