import type { RoomEvent } from '../../model/room-event.js';
import type { EventOutbox } from '../../ports/event-outbox.js';
import type { RoomCommands } from '../../ports/room-commands.js';
import type { Repositories, UnitOfWork } from '../../ports/unit-of-work.js';

/**
 * A unit of work whose units mark every event they append as imported (`payload.imported:
 * true`), so that receivers and operators can tell an import's writes from the app's own.
 * The importer's use cases run on it; everything else about the unit is the inner one's. The
 * guarded commands carry the events they write in their input: those are marked on the way in.
 */
export function markingImported(inner: UnitOfWork): UnitOfWork {
  const commands: RoomCommands = {
    createRoom: (c) => inner.commands.createRoom({ ...c, created: c.created.map(imported) }),
    addMembers: (c) => inner.commands.addMembers({ ...c, joined: imported(c.joined) }),
    removeMember: (c) => inner.commands.removeMember({ ...c, left: imported(c.left) }),
    removeMembers: (c) => inner.commands.removeMembers({ ...c, left: imported(c.left) }),
    transfer: (c) => inner.commands.transfer({ ...c, transferred: imported(c.transferred) }),
    dissolve: (c) => inner.commands.dissolve({ ...c, dissolved: [imported(c.dissolved[0]), imported(c.dissolved[1])] }),
    mute: (c) => inner.commands.mute({ ...c, muted: imported(c.muted) }),
    unmute: (c) => inner.commands.unmute({ ...c, unmuted: imported(c.unmuted) }),
    promoteAdmin: (c) => inner.commands.promoteAdmin({ ...c, changed: imported(c.changed) }),
    demoteAdmin: (c) => inner.commands.demoteAdmin({ ...c, changed: imported(c.changed) }),
    updateRoom: (c) => inner.commands.updateRoom({ ...c, updated: imported(c.updated) }),
    block: (c) => inner.commands.block({ ...c, blocked: imported(c.blocked), left: imported(c.left) }),
    allow: (c) => inner.commands.allow({ ...c, allowed: imported(c.allowed) }),
    removeFromList: (c) => inner.commands.removeFromList({ ...c, removed: imported(c.removed) }),
    setSuperAdmin: (c) => inner.commands.setSuperAdmin({ ...c, changed: imported(c.changed) }),
    modifyRoom: (c) => inner.commands.modifyRoom({ ...c, updated: imported(c.updated) }),
    setAttributes: (c) => inner.commands.setAttributes({ ...c, set: imported(c.set) }),
    deleteAttributes: (c) => inner.commands.deleteAttributes({ ...c, deleted: imported(c.deleted) }),
    deleteUser: (c) =>
      inner.commands.deleteUser({
        ...c,
        left: imported(c.left),
        dissolved: [imported(c.dissolved[0]), imported(c.dissolved[1])],
      }),
  };
  return {
    commands,
    read: (work) => inner.read(work),
    write: (work) =>
      inner.write((repos) => {
        const events: EventOutbox = {
          append: (...appended: RoomEvent[]) => repos.events.append(...appended.map(imported)),
        };
        const marked = new Proxy(repos, {
          get: (target, key) => (key === 'events' ? events : Reflect.get(target, key, target)),
        });
        return work(marked as Repositories);
      }),
  };
}

function imported(event: RoomEvent): RoomEvent {
  return { ...event, payload: { ...event.payload, imported: true } };
}
