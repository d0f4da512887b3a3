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
import type { TransactionScope } from './transaction-scope.js';
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
 * A unit started inside another joins the outer transaction rather than waiting for a second
 * connection (which on PGlite would never come): its writes commit or roll back with the outer
 * unit's. No use case nests units; this only keeps a mistake from hanging.
 */
export class KyselyUnitOfWork implements UnitOfWork {
  private waiting = 0;

  /** `onRetry` hears of every run again (metrics): attempt about to start, and the SQLSTATE that caused it. */
  constructor(
    private readonly scope: TransactionScope,
    private readonly onRetry?: (attempt: number, sqlState: string) => void,
  ) {}

  /**
   * Units that have asked for their transaction and not yet got it: on PGlite, those queued
   * behind the unit holding the one connection (a test probe; PostgreSQL shows lock waits
   * in pg_stat_activity instead).
   */
  get unitsWaitingToBegin(): number {
    return this.waiting;
  }

  async write<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const outer = this.scope.current();
    if (outer) return work(repositories(outer));
    for (let attempt = 1; ; attempt++) {
      let begun = false;
      this.waiting += 1;
      try {
        return await this.scope.db.transaction().execute((trx) => {
          begun = true;
          this.waiting -= 1;
          return this.scope.run(trx, () => work(repositories(trx)));
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
      return await work(repositories(this.scope.executor()));
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }
}

function repositories(db: Kysely<Database>): Repositories {
  return {
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
