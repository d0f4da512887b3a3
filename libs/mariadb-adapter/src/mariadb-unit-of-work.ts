import type { Repositories, UnitOfWork } from '@chatroom/domain';
import type { Kysely } from 'kysely';
import { bindRepositories, type RepositoryClasses } from '@chatroom/sql-store-kit';
import { MariadbAppRepository } from './mariadb-app-repository.js';
import { MariadbEventOutbox } from './mariadb-event-outbox.js';
import { MariadbChatroomRepository } from './mariadb-chatroom-repository.js';
import { MariadbMembershipRepository } from './mariadb-membership-repository.js';
import { MariadbRoomCommands } from './mariadb-room-commands.js';
import { MariadbMuteRepository } from './mariadb-mute-repository.js';
import { MariadbRoomAttributeRepository } from './mariadb-room-attribute-repository.js';
import { MariadbRoomUserListRepository } from './mariadb-room-user-list-repository.js';
import { MariadbSuperAdminRepository } from './mariadb-super-admin-repository.js';
import { MariadbUserRepository } from './mariadb-user-repository.js';
import type { KeyedTransactions } from './keyed-transactions.js';
import type { Database } from './schema/database.js';
import { SequenceIdGenerator } from './sequence-id-generator.js';
import { translateDatabaseError } from './translate-database-error.js';
import { withRetries } from './write-retries.js';

/**
 * `write` = one InnoDB transaction (READ COMMITTED, set per connection in mariadb-dialect.ts:
 * the repositories' guarded counters and row locks keep the invariants, not the isolation
 * level), run again whole on a deadlock (1213: InnoDB has already rolled the whole transaction
 * back) or a foreign-key race (1451/1452). A lock wait timeout (1205) is not run again: see
 * translate-database-error.ts. kysely commits, or rolls back when the work throws, and
 * releases the connection in all cases.
 * Everything a unit does, ids included, goes through the repositories it is handed, which are
 * bound to its transaction: there is no ambient transaction, with one exception: under a
 * request with an Idempotency-Key (KeyedTransactions), a unit joins that request's transaction,
 * so that the change and the stored response commit together (the runner then owns the
 * retries). Any other unit started inside another would wait for a second connection: no use
 * case does that.
 */
export class MariadbUnitOfWork implements UnitOfWork {
  /**
   * The guarded commands, most of them one compound statement each (MariadbRoomCommands); the
   * others, and every command under a keyed request, units of work over the repositories.
   */
  readonly commands: MariadbRoomCommands;
  private readonly reader: Repositories;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly onRetry: (attempt: number, code: string) => void = () => {},
    private readonly keyed?: KeyedTransactions,
    /** Called after a unit that stored events commits (wakes this instance's delivery worker). */
    private readonly onEventsCommitted: () => void = () => {},
  ) {
    this.reader = repositories(db);
    this.commands = new MariadbRoomCommands(this, db, onRetry, keyed, onEventsCommitted);
  }

  async write<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const outer = this.keyed?.getStore();
    // Under a keyed request: its transaction, whose outbox the runner flushes before its commit.
    if (outer) return work(repositories(outer.trx, outer.events));
    return withRetries(async () => {
      const { value, stored } = await this.db.transaction().execute(async (trx) => {
        // The unit's events, written in one round trip before the commit, in its transaction.
        const events = new MariadbEventOutbox(trx);
        return { value: await work(repositories(trx, events)), stored: await events.flush() };
      });
      if (stored) this.onEventsCommitted();
      return value;
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

/** The store's repository classes, bound to each unit's handle by the kit's `bindRepositories`. */
const MARIADB_REPOSITORIES: RepositoryClasses<Kysely<Database>> = {
  ids: SequenceIdGenerator,
  apps: MariadbAppRepository,
  users: MariadbUserRepository,
  chatrooms: MariadbChatroomRepository,
  memberships: MariadbMembershipRepository,
  roomUserLists: MariadbRoomUserListRepository,
  mutes: MariadbMuteRepository,
  roomAttributes: MariadbRoomAttributeRepository,
  superAdmins: MariadbSuperAdminRepository,
};

/** The repositories of one unit, bound to its transaction (or, for reads, to the pool). */
export function repositories(
  db: Kysely<Database>,
  events: MariadbEventOutbox = new MariadbEventOutbox(db),
): Repositories {
  return bindRepositories(MARIADB_REPOSITORIES, db, events);
}
