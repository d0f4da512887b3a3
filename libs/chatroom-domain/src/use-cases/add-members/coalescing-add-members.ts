import { assertBatch } from '../../model/room-moderation.js';
import type { App } from '../../model/app.js';
import { parseUserIds, type UserId } from '../../model/user-id.js';
import type { AddMembers } from './add-members.js';

/** Users of one coalesced unit of work at most (the requests queued beyond wait for the next). */
export const MAX_COALESCED_USERS = 1_000;

interface Waiting {
  readonly app: App;
  readonly usernames: readonly UserId[];
  resolve(added: UserId[]): void;
  reject(error: unknown): void;
}

interface RoomQueue {
  waiting: Waiting[];
}

/**
 * `AddMembers` with concurrent additions to the same room coalesced: while one unit of work
 * adds to a room, the requests for that room that arrive queue up, and go together as the next
 * unit (one guarded statement for all of them), so a hot room's row lock is taken once per batch
 * rather than once per request. A request with no company runs at once, alone, as before.
 *
 * Every request still gets its own answer and its own error, exactly as if it had run alone:
 * - its input is checked before it queues (a bad name or an oversized batch fails only it);
 * - the batch is all or nothing: when the union would be refused for any reason (full room,
 *   a user at the joined-room cap, an unknown or blocked user, a vanished room, an outage), it
 *   is rolled back whole and each request then runs alone, as its own unit, so one request's
 *   refusal never fails another, and a request that would overflow the room fails whole.
 * The store's guards still hold the invariants across processes; this only saves work.
 * In-process state, no I/O: a decorator bound in the composition root.
 */
export class CoalescingAddMembers {
  private readonly rooms = new Map<string, RoomQueue>();

  constructor(private readonly inner: AddMembers) {}

  execute(app: App, roomId: string, rawUsernames: readonly string[]): Promise<UserId[]> {
    try {
      assertBatch('addMembers', rawUsernames);
      const usernames = parseUserIds(rawUsernames);
      return new Promise((resolve, reject) => this.enqueue(roomId, { app, usernames, resolve, reject }));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private enqueue(roomId: string, waiting: Waiting): void {
    const key = `${waiting.app.id}\u0000${roomId}`;
    const queue = this.rooms.get(key);
    if (queue) {
      queue.waiting.push(waiting);
      return;
    }
    const fresh: RoomQueue = { waiting: [waiting] };
    this.rooms.set(key, fresh);
    void this.drain(key, roomId, fresh);
  }

  /** Runs batches for the room until nobody waits, then forgets the room. */
  private async drain(key: string, roomId: string, queue: RoomQueue): Promise<void> {
    try {
      while (queue.waiting.length > 0) {
        const batch = takeBatch(queue.waiting);
        await this.run(roomId, batch);
      }
    } finally {
      this.rooms.delete(key);
    }
  }

  private async run(roomId: string, batch: Waiting[]): Promise<void> {
    if (batch.length > 1) {
      const union = [...new Set(batch.flatMap((w) => w.usernames))];
      const together = await this.inner.addAll(batch[0]!.app, roomId, union).then(
        () => true,
        () => false,
      );
      if (together) {
        for (const w of batch) w.resolve([...w.usernames]);
        return;
      }
    }
    // Alone: the request's own unit of work, its own answer or error.
    await Promise.all(batch.map((w) => this.inner.addAll(w.app, roomId, w.usernames).then(w.resolve, w.reject)));
  }
}

/** The first waiting requests whose users fit in one unit (always at least one request). */
function takeBatch(waiting: Waiting[]): Waiting[] {
  let users = 0;
  let count = 0;
  while (count < waiting.length && (count === 0 || users + waiting[count]!.usernames.length <= MAX_COALESCED_USERS)) {
    users += waiting[count]!.usernames.length;
    count++;
  }
  return waiting.splice(0, count);
}
