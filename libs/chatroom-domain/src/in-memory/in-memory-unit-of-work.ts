import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.js';
import { RoomCommandsOverUnits } from '../use-cases/room-commands/room-commands-over-units.js';
import { InMemoryAppRepository } from './in-memory-app-repository.js';
import { InMemoryEventOutbox } from './in-memory-event-outbox.js';
import { InMemoryChatroomRepository } from './in-memory-chatroom-repository.js';
import { InMemoryIdGenerator } from './in-memory-id-generator.js';
import { InMemoryMembershipRepository } from './in-memory-membership-repository.js';
import { InMemoryMuteRepository } from './in-memory-mute-repository.js';
import { InMemoryRoomAttributeRepository } from './in-memory-room-attribute-repository.js';
import { InMemoryRoomUserListRepository } from './in-memory-room-user-list-repository.js';
import { InMemoryState } from './in-memory-state.js';
import { InMemorySuperAdminRepository } from './in-memory-super-admin-repository.js';
import { InMemoryUserRepository } from './in-memory-user-repository.js';

/** The in-memory repositories over one state, with the id generator units draw from. */
export function inMemoryRepositories(
  state: InMemoryState,
  ids: IdGenerator = new InMemoryIdGenerator(),
  clock: Clock = { now: () => Date.now() },
): Repositories {
  return {
    ids,
    apps: new InMemoryAppRepository(state),
    users: new InMemoryUserRepository(state),
    chatrooms: new InMemoryChatroomRepository(state),
    memberships: new InMemoryMembershipRepository(state),
    roomUserLists: new InMemoryRoomUserListRepository(state),
    mutes: new InMemoryMuteRepository(state),
    roomAttributes: new InMemoryRoomAttributeRepository(state),
    superAdmins: new InMemorySuperAdminRepository(state),
    events: new InMemoryEventOutbox(state, clock),
    eventLog: new InMemoryEventOutbox(state, clock),
  };
}

/**
 * Runs units one at a time (a promise chain), which makes every unit atomic and isolated;
 * a unit that throws is rolled back by restoring the snapshot of `state` taken before it.
 *
 * The repositories may be injected (some or all, e.g. wrapped to count calls, or a hybrid
 * store's own): the chain still serialises the units, but the rollback covers only what
 * lives in `state`, so injected repositories over another store must undo their own writes.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  private readonly repos: Repositories;
  readonly commands = new RoomCommandsOverUnits(this);
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;

  constructor(
    readonly state: InMemoryState = new InMemoryState(),
    /** Outside the snapshot: like a sequence, ids drawn by a unit that rolls back are not reused. */
    readonly ids: InMemoryIdGenerator = new InMemoryIdGenerator(),
    clock: Clock = { now: () => Date.now() },
    repositories: (state: InMemoryState, ids: InMemoryIdGenerator, clock: Clock) => Repositories = inMemoryRepositories,
  ) {
    this.repos = repositories(state, ids, clock);
  }

  write<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const before = this.state.snapshot();
      try {
        return await work(this.repos);
      } catch (error) {
        this.state.restore(before);
        throw error;
      }
    });
  }

  read<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.exclusive(() => work(this.repos));
  }

  /** Units waiting for the running one to end (the store's one "lock"); a test probe. */
  get waitingUnits(): number {
    return this.queued;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.queued += 1;
    const start = () => {
      this.queued -= 1;
      return fn();
    };
    const run = this.tail.then(start, start);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
