import type { Repositories } from '@chatroom/domain';

/** A store's repository classes, each built on a handle: a unit's transaction or the pool. */
export type RepositoryClasses<Handle> = {
  readonly [K in Exclude<keyof Repositories, 'events' | 'eventLog'>]: new (
    db: Handle,
  ) => Repositories[K];
};

/**
 * The repositories of one unit, bound to its handle, with the unit's outbox as its events and
 * event log. Plain objects: the profile shows building them costs nothing next to one round
 * trip, and a caller may spread them (`{ ...r, users }`) as tests do.
 */
export function bindRepositories<Handle>(
  classes: RepositoryClasses<Handle>,
  db: Handle,
  events: Repositories['events'] & Repositories['eventLog'],
): Repositories {
  return {
    ids: new classes.ids(db),
    apps: new classes.apps(db),
    users: new classes.users(db),
    chatrooms: new classes.chatrooms(db),
    memberships: new classes.memberships(db),
    roomUserLists: new classes.roomUserLists(db),
    mutes: new classes.mutes(db),
    roomAttributes: new classes.roomAttributes(db),
    superAdmins: new classes.superAdmins(db),
    events,
    eventLog: events,
  };
}
