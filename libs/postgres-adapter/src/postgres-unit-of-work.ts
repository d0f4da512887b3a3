import type { Repositories, RoomCommands, UnitOfWork } from '@chatroom/domain';
import { StaleSnapshot } from './postgres-command-statement.js';
import { lockRoomFirst } from './postgres-room-commands.js';
import { PostgresSettingsCommands } from './postgres-settings-commands.js';
import { sql, type Kysely } from 'kysely';
import { bindRepositories, type RepositoryClasses } from '@chatroom/sql-store-kit';
import { PostgresAppRepository } from './postgres-app-repository.js';
import { PostgresEventOutbox } from './postgres-event-outbox.js';
import { PostgresChatroomRepository } from './postgres-chatroom-repository.js';
import { PostgresMembershipRepository } from './postgres-membership-repository.js';
import { PostgresMuteRepository } from './postgres-mute-repository.js';
import { PostgresRoomAttributeRepository } from './postgres-room-attribute-repository.js';
import { PostgresRoomUserListRepository } from './postgres-room-user-list-repository.js';
import { PostgresSuperAdminRepository } from './postgres-super-admin-repository.js';
import { PostgresUserRepository } from './postgres-user-repository.js';
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
 * buffered and written in one statement just before its commit (PostgresEventOutbox).
 */
export class PostgresUnitOfWork implements UnitOfWork {
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
    this.commands = this.guardedCommands();
  }

  /**
   * Each command is one statement sent on the pool, committing on its own (one round trip),
   * run again whole on a conflict; under a keyed request, a statement of its transaction.
   */
  readonly commands: RoomCommands;

  private guardedCommands(): RoomCommands {
    const run =
      <C, R>(method: (commands: PostgresSettingsCommands, command: C) => Promise<R>) =>
      (command: C): Promise<R> => {
        const outer = this.keyed?.current();
        if (outer) {
          // A stale statement may have aborted the keyed transaction (a raised guard): the
          // runner runs that whole transaction again, as after any serialization failure.
          return method(new PostgresSettingsCommands(outer.trx), command).catch((error: unknown) => {
            throw error instanceof StaleSnapshot ? Object.assign(new Error(error.message), { code: '40001' }) : error;
          });
        }
        return retryOnConflict(async () => {
          // A connection of its own (no BEGIN: the statement commits itself), taken as a unit's
          // is, so that on PGlite a command queued behind the unit holding the one connection
          // counts as waiting.
          let begun = false;
          this.waiting += 1;
          try {
            const outcome = await this.db.connection().execute(async (conn) => {
              begun = true;
              this.waiting -= 1;
              const commands = new PostgresSettingsCommands(conn);
              try {
                const value = await method(commands, command);
                return { value, stored: commands.storedEvents };
              } catch (error) {
                if (!(error instanceof StaleSnapshot)) throw error;
              }
              // Rare (a commit on the room while the statement waited for it): once more, with
              // the room locked first, so that the statement's snapshot is taken under the lock.
              // BEGIN and COMMIT by hand: a guard that raises aborts the transaction, and its
              // COMMIT then rolls back (nothing was to stay), which kysely's would report as an error.
              await sql`BEGIN`.execute(conn);
              let ended = false;
              try {
                await lockRoomFirst(conn, command as object);
                const locked = new PostgresSettingsCommands(conn);
                const value = await method(locked, command);
                await sql`COMMIT`.execute(conn);
                ended = true;
                return { value, stored: locked.storedEvents };
              } finally {
                if (!ended) await sql`ROLLBACK`.execute(conn).catch(() => undefined);
              }
            });
            if (outcome.stored) this.onEventsCommitted();
            return outcome.value;
          } finally {
            if (!begun) this.waiting -= 1;
          }
        }, this.onRetry);
      };
    return {
      createRoom: run((commands, c) => commands.createRoom(c)),
      addMembers: run((commands, c) => commands.addMembers(c)),
      removeMember: run((commands, c) => commands.removeMember(c)),
      removeMembers: run((commands, c) => commands.removeMembers(c)),
      transfer: run((commands, c) => commands.transfer(c)),
      dissolve: run((commands, c) => commands.dissolve(c)),
      mute: run((commands, c) => commands.mute(c)),
      unmute: run((commands, c) => commands.unmute(c)),
      promoteAdmin: run((commands, c) => commands.promoteAdmin(c)),
      demoteAdmin: run((commands, c) => commands.demoteAdmin(c)),
      updateRoom: run((commands, c) => commands.updateRoom(c)),
      block: run((commands, c) => commands.block(c)),
      allow: run((commands, c) => commands.allow(c)),
      removeFromList: run((commands, c) => commands.removeFromList(c)),
      setSuperAdmin: run((commands, c) => commands.setSuperAdmin(c)),
      modifyRoom: run((commands, c) => commands.modifyRoom(c)),
      setAttributes: run((commands, c) => commands.setAttributes(c)),
      deleteAttributes: run((commands, c) => commands.deleteAttributes(c)),
      deleteUser: run((commands, c) => commands.deleteUser(c)),
    };
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
          const events = new PostgresEventOutbox(trx);
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

/** The store's repository classes, bound to each unit's handle by the kit's `bindRepositories`. */
const POSTGRES_REPOSITORIES: RepositoryClasses<Kysely<Database>> = {
  ids: SequenceIdGenerator,
  apps: PostgresAppRepository,
  users: PostgresUserRepository,
  chatrooms: PostgresChatroomRepository,
  memberships: PostgresMembershipRepository,
  roomUserLists: PostgresRoomUserListRepository,
  mutes: PostgresMuteRepository,
  roomAttributes: PostgresRoomAttributeRepository,
  superAdmins: PostgresSuperAdminRepository,
};

/** The repositories of one unit, bound to its transaction (or, for reads, to the pool). */
export function repositories(
  db: Kysely<Database>,
  events: PostgresEventOutbox = new PostgresEventOutbox(db),
): Repositories {
  return bindRepositories(POSTGRES_REPOSITORIES, db, events);
}
