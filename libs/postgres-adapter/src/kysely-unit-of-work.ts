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
  private readonly reader: Repositories;

  constructor(private readonly db: Kysely<Database>) {
    this.reader = new KyselyRepositories(db);
  }

  async write<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute((trx) => work(new KyselyRepositories(trx)));
      } catch (error) {
        if (attempt < MAX_ATTEMPTS && isRetryable(error)) {
          await pause(attempt);
          continue;
        }
        throw translateDatabaseError(error);
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
 * The repositories of one unit, each built on first use: most units touch two or three of the
 * nine, and a unit is created per request.
 */
class KyselyRepositories implements Repositories {
  private _ids?: SequenceIdGenerator;
  private _apps?: KyselyAppRepository;
  private _users?: KyselyUserRepository;
  private _chatrooms?: KyselyChatroomRepository;
  private _memberships?: KyselyMembershipRepository;
  private _roomUserLists?: KyselyRoomUserListRepository;
  private _mutes?: KyselyMuteRepository;
  private _roomAttributes?: KyselyRoomAttributeRepository;
  private _superAdmins?: KyselySuperAdminRepository;

  constructor(private readonly db: Kysely<Database>) {}

  get ids() {
    return (this._ids ??= new SequenceIdGenerator(this.db));
  }
  get apps() {
    return (this._apps ??= new KyselyAppRepository(this.db));
  }
  get users() {
    return (this._users ??= new KyselyUserRepository(this.db));
  }
  get chatrooms() {
    return (this._chatrooms ??= new KyselyChatroomRepository(this.db));
  }
  get memberships() {
    return (this._memberships ??= new KyselyMembershipRepository(this.db));
  }
  get roomUserLists() {
    return (this._roomUserLists ??= new KyselyRoomUserListRepository(this.db));
  }
  get mutes() {
    return (this._mutes ??= new KyselyMuteRepository(this.db));
  }
  get roomAttributes() {
    return (this._roomAttributes ??= new KyselyRoomAttributeRepository(this.db));
  }
  get superAdmins() {
    return (this._superAdmins ??= new KyselySuperAdminRepository(this.db));
  }
}

/** A short random back-off, growing with each attempt, so the conflicting units interleave differently. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** attempt));
}
