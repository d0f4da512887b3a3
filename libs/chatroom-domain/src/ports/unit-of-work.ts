import type { AppRepository } from './app-repository.js';
import type { EventLog, EventOutbox } from './event-outbox.js';
import type { IdGenerator } from './id-generator.js';
import type { ChatroomRepository } from './chatroom-repository.js';
import type { MembershipRepository } from './membership-repository.js';
import type { MuteRepository } from './mute-repository.js';
import type { RoomCommands } from './room-commands.js';
import type { RoomAttributeRepository } from './room-attribute-repository.js';
import type { RoomUserListRepository } from './room-user-list-repository.js';
import type { SuperAdminRepository } from './super-admin-repository.js';
import type { UserRepository } from './user-repository.js';

/**
 * The repositories, as seen from inside one unit of work. `ids` is here (not beside the unit of
 * work) so that an adapter draws ids on the unit's own connection without any ambient
 * transaction: a use case never needs a second connection while holding one. Ids drawn in a
 * unit that rolls back are not given back (they stay unique and increasing).
 */
export interface Repositories {
  readonly ids: IdGenerator;
  readonly apps: AppRepository;
  readonly users: UserRepository;
  readonly chatrooms: ChatroomRepository;
  readonly memberships: MembershipRepository;
  readonly roomUserLists: RoomUserListRepository;
  readonly mutes: MuteRepository;
  readonly roomAttributes: RoomAttributeRepository;
  readonly superAdmins: SuperAdminRepository;
  /** The events of this unit's changes, stored with them. */
  readonly events: EventOutbox;
  readonly eventLog: EventLog;
}

/**
 * Makes each use case one atomic unit. `write` runs the work in one transaction: all of its
 * changes happen or none do; if the work throws, everything it wrote is undone and the error
 * propagates unchanged. An adapter may run the work again after a transient conflict
 * (deadlock, serialization failure), so the work must not have effects outside the
 * repositories it is given. `read` runs work that writes nothing, possibly without a
 * transaction.
 */
export interface UnitOfWork {
  write<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  read<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /**
   * The guarded commands, each one unit of its own. A store without statements of its own for
   * them gives `new RoomCommandsOverUnits(this)`. Under a unit of work that is already running
   * on the caller's behalf (an adapter's keyed request), a command joins it.
   */
  readonly commands: RoomCommands;
}
