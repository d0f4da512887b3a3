import type { RoomEvent, StoredRoomEvent } from '../model/room-event.js';
import type { Clock } from '../ports/clock.js';
import type { EventLog, EventOutbox } from '../ports/event-outbox.js';
import type { InMemoryState } from './in-memory-state.js';

/** Records events in the state, so a rolled-back unit's events go with its snapshot. */
export class InMemoryEventOutbox implements EventOutbox, EventLog {
  constructor(
    private readonly state: InMemoryState,
    private readonly clock: Clock,
  ) {}

  append(...events: RoomEvent[]): void {
    for (const event of events) {
      const seq = this.state.events.length + 1;
      this.state.events.push({ ...event, id: uuidOf(seq), seq, timestamp: this.clock.now() });
    }
  }

  async roomPage(appId: string, roomId: string, limit: number, beforeSeq?: number): Promise<StoredRoomEvent[]> {
    return this.state.events
      .filter((e) => e.appId === appId && e.roomId === roomId && (beforeSeq === undefined || e.seq < beforeSeq))
      .reverse()
      .slice(0, limit);
  }
}

/** A well-formed, deterministic UUID for the n-th event. */
function uuidOf(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
