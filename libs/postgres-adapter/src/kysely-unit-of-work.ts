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
  /** `onRetry` hears of every run again (metrics): attempt about to start, and the SQLSTATE that caused it. */
  constructor(
    private readonly scope: TransactionScope,
    private readonly onRetry?: (attempt: number, sqlState: string) => void,
    /** Called after a unit that stored events commits (wakes this instance's delivery worker). */
    private readonly onEventsCommitted: () => void = () => {},
  ) {}

  async write<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const outer = this.scope.current();
    // A nested unit (under an idempotent request) appends to the outer unit's outbox, which the
    // outer unit flushes before its commit.
    if (outer) return work(repositories(outer.trx, outer.events));
    for (let attempt = 1; ; attempt++) {
      try {
        let stored = false;
        const result = await this.scope.db.transaction().execute((trx) => {
          const events = new KyselyEventOutbox(trx);
          return this.scope.run({ trx, events }, async () => {
            const value = await work(repositories(trx, events));
            stored = await events.flush();
            return value;
          });
        });
        if (stored) this.onEventsCommitted();
        return result;
      } catch (error) {
        if (attempt < MAX_ATTEMPTS && isRetryable(error)) {
          this.onRetry?.(attempt + 1, (error as { code: string }).code);
          await pause(attempt);
          continue;
        }
        throw translateDatabaseError(error);
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

export function repositories(db: Kysely<Database>, events: KyselyEventOutbox = new KyselyEventOutbox(db)): Repositories {
  return {
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


/** A short random back-off, growing with each attempt, so the conflicting units interleave differently. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** attempt));
}
