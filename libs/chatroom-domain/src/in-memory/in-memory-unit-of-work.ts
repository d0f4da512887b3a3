import type { Clock } from '../ports/clock.js';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.js';
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

/**
 * Runs units one at a time (a promise chain), which makes every unit atomic and isolated;
 * a unit that throws is rolled back by restoring the snapshot taken before it.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  private readonly repos: Repositories;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly state: InMemoryState = new InMemoryState(),
    /** Outside the snapshot: like a sequence, ids drawn by a unit that rolls back are not reused. */
    readonly ids: InMemoryIdGenerator = new InMemoryIdGenerator(),
    clock: Clock = { now: () => Date.now() },
  ) {
    this.repos = {
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

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
