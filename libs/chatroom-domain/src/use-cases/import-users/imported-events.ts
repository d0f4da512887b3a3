import type { RoomEvent } from '../../model/room-event.js';
import type { EventOutbox } from '../../ports/event-outbox.js';
import type { Repositories, UnitOfWork } from '../../ports/unit-of-work.js';

/**
 * A unit of work whose units mark every event they append as imported (`payload.imported:
 * true`), so that receivers and operators can tell an import's writes from the app's own.
 * The importer's use cases run on it; everything else about the unit is the inner one's.
 */
export function markingImported(inner: UnitOfWork): UnitOfWork {
  return {
    read: (work) => inner.read(work),
    write: (work) =>
      inner.write((repos) => {
        const events: EventOutbox = { append: (...appended: RoomEvent[]) => repos.events.append(...appended.map(imported)) };
        const marked = new Proxy(repos, { get: (target, key) => (key === 'events' ? events : Reflect.get(target, key, target)) });
        return work(marked as Repositories);
      }),
  };
}

function imported(event: RoomEvent): RoomEvent {
  return { ...event, payload: { ...event.payload, imported: true } };
}
