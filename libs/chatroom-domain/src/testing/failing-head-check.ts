import { expect } from 'vitest';
import type { DeliveryQueue, Delivery } from '../ports/event-delivery.js';
import { sleep } from './store-fixtures.js';

export interface FailingHeadStore {
  readonly queue: DeliveryQueue;
  /** Commits a JOIN of `user` to `room` in an app with one rule (its only queued deliveries). */
  join(room: string, user: string): Promise<unknown>;
  /** Every queued delivery as [the joined member, next_at], oldest event first, read in SQL. */
  nextAt(): Promise<[string, number][]>;
}

/**
 * A failing head holds its room back; the rows behind it are moved to its retry time by the
 * first claim that meets them, so a dead receiver's backlog is not walked by every claim. The
 * order of the room must survive that: they go after the head, as soon as it has gone. Run by
 * each SQL store's delivery-queue-backlog.test.ts on a database of its own (the claims see only
 * these rows); takes about 1.5 s (the head's retry).
 */
export async function checkRowsHeldBehindFailingHead({ queue, join, nextAt }: FailingHeadStore): Promise<void> {
  for (const u of ['u1', 'u2', 'u3']) await join('r1', u);
  const who = (ds: Delivery[]) => ds.map((d) => (d.event.payload!['member'] as string[])[0]);

  const [head] = await queue.claim(10, 60_000);
  expect(who([head!])).toEqual(['u1']);
  const retryAt = Date.now() + 1_500;
  await queue.settle([], [{ delivery: head!, error: 'HTTP 500', retryAt }]);
  await join('r1', 'u4'); // arrives while the head is failing
  expect(await queue.claim(10, 60_000)).toEqual([]);
  expect(await nextAt()).toEqual([
    ['u1', retryAt],
    ['u2', retryAt],
    ['u3', retryAt],
    ['u4', retryAt],
  ]);

  await sleep(retryAt - Date.now() + 50);
  const again = await queue.claim(10, 60_000);
  expect(who(again)).toEqual(['u1']); // the head alone: the others still wait behind it
  await queue.settle(again, []);
  for (const expected of ['u2', 'u3', 'u4']) {
    const next = await queue.claim(10, 60_000);
    expect(who(next)).toEqual([expected]);
    await queue.settle(next, []);
  }
  expect(await nextAt()).toEqual([]);
}
