import type { RoomEvent, StoredRoomEvent } from '../model/room-event.js';

/**
 * Where a unit of work puts the events of its changes. Appended events are stored with the
 * unit's other writes: they exist exactly when the unit commits (in order of appending), and
 * vanish when it rolls back. Appending costs no I/O of its own: an adapter may buffer and
 * write them in one statement just before the commit.
 */
export interface EventOutbox {
  append(...events: RoomEvent[]): void;
}

/** The stored events, read back (the audit trail). */
export interface EventLog {
  /**
   * At most `limit` events of one room (`""`: the app-wide ones), newest first, only those
   * with `seq < beforeSeq` when given. Keyset: the same cost however deep the page.
   */
  roomPage(appId: string, roomId: string, limit: number, beforeSeq?: number): Promise<StoredRoomEvent[]>;
}
