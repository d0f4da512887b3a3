import { RoomCommandsOverUnits, type Repositories, type UnitOfWork } from '@chatroom/domain';
import type { Database } from '../ports/database.js';

/** A database whose every unit of work throws `failure` while it is set: for outage and bug tests. */
export class FaultyDatabase implements Database {
  readonly kind = 'memory';
  failure: unknown = null;
  readonly uow: UnitOfWork;

  constructor(private readonly inner: Database) {
    const guard = <T>(run: () => Promise<T>): Promise<T> => {
      if (this.failure !== null) return Promise.reject(this.failure);
      return run();
    };
    const uow: UnitOfWork = {
      write: <T>(work: (repos: Repositories) => Promise<T>) => guard(() => inner.uow.write(work)),
      read: <T>(work: (repos: Repositories) => Promise<T>) => guard(() => inner.uow.read(work)),
      // The in-memory store's commands are units of work: through `write`, they fail as it does.
      get commands() {
        return new RoomCommandsOverUnits(uow);
      },
    };
    this.uow = uow;
  }

  async isReady(): Promise<boolean> {
    return this.failure === null;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
