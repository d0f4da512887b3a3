import type pg from 'pg';

/** What the client knows about one user in one room: acknowledged in/out, or unknown. */
type Presence = 'in' | 'out' | 'uncertain';

export interface RoomEntry {
  readonly id: string;
  readonly maxUsers: number;
  readonly members: Map<string, Presence>;
  /** The acknowledged owner; undefined once a transfer's outcome is unknown. */
  owner: string | undefined;
}

/**
 * The client-side record of every write that got a 2xx. Each room is written by one worker at a
 * time, so the last acknowledged write on a (room, user) pair is its state in the database,
 * unless a later write on that pair had an unknown outcome (no answer, 502, 503: it may or may
 * not have committed), in which case the pair is no longer checked.
 */
export class WriteLedger {
  readonly rooms: RoomEntry[] = [];
  readonly acknowledged = { creates: 0, additions: 0, removals: 0, transfers: 0 };

  created(id: string, maxUsers: number, owner: string, members: readonly string[]): RoomEntry {
    const room: RoomEntry = { id, maxUsers, owner, members: new Map([owner, ...members].map((u) => [u, 'in'])) };
    this.rooms.push(room);
    this.acknowledged.creates++;
    return room;
  }

  added(room: RoomEntry, user: string): void {
    room.members.set(user, 'in');
    this.acknowledged.additions++;
  }

  removed(room: RoomEntry, user: string): void {
    room.members.set(user, 'out');
    this.acknowledged.removals++;
  }

  transferred(room: RoomEntry, user: string): void {
    room.owner = user;
    this.acknowledged.transfers++;
  }

  uncertain(room: RoomEntry, user: string, ownerToo = false): void {
    room.members.set(user, 'uncertain');
    if (ownerToo) room.owner = undefined;
  }

  /** Compares every known fact with the rows; returns how many were checked and every mismatch. */
  async compareWithDatabase(db: pg.Client, appId: string): Promise<{ checked: number; mismatches: string[] }> {
    const rooms = await db.query<{ id: string; owner: string }>('SELECT id, owner FROM rooms WHERE app_id = $1', [
      appId,
    ]);
    const owners = new Map(rooms.rows.map((r) => [r.id, r.owner]));
    const memberships = await db.query<{ room_id: string; username: string; role: string }>(
      'SELECT room_id, username, role FROM memberships WHERE app_id = $1',
      [appId],
    );
    const roles = new Map(memberships.rows.map((m) => [`${m.room_id}/${m.username}`, m.role]));
    let checked = 0;
    const mismatches: string[] = [];
    for (const room of this.rooms) {
      checked++;
      if (!owners.has(room.id)) {
        mismatches.push(`room ${room.id} (created, 2xx) is missing`);
        continue;
      }
      if (room.owner !== undefined) {
        checked++;
        if (owners.get(room.id) !== room.owner || roles.get(`${room.id}/${room.owner}`) !== 'owner') {
          mismatches.push(`room ${room.id}: owner should be ${room.owner}, is ${owners.get(room.id)}`);
        }
      }
      for (const [user, presence] of room.members) {
        if (presence === 'uncertain') continue;
        checked++;
        const isMember = roles.has(`${room.id}/${user}`);
        if (isMember !== (presence === 'in'))
          mismatches.push(`room ${room.id}: ${user} should be ${presence}, is ${isMember ? 'in' : 'out'}`);
      }
    }
    return { checked, mismatches };
  }
}
