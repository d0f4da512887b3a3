import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatClient } from './chat-client.js';
import type { RoomEntry, WriteLedger } from './write-ledger.js';

export const MAX_USERS = 8;

/** Users the load picks from; register them first (`registerUsers`). */
export const userNames = (count: number) => Array.from({ length: count }, (_, i) => `u${String(i).padStart(3, '0')}`);

export async function registerUsers(client: ChatClient, users: readonly string[]): Promise<void> {
  for (let i = 0; i < users.length; i += 60) {
    const batch = users.slice(i, i + 60).map((username) => ({ username, password: 'pw' }));
    const answer = await client.call('register', 'POST', '/users', batch);
    if (answer.status !== 200) throw new Error(`register: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

export interface LoadOptions {
  readonly client: ChatClient;
  readonly ledger: WriteLedger;
  readonly users: readonly string[];
  readonly workers: number;
  /** Share of requests that are GETs of a room the worker wrote (0–1). */
  readonly readShare: number;
  readonly until: () => boolean;
  /** Hard bounds: total requests, and a pause between a worker's requests. */
  readonly maxRequests: number;
  readonly pauseMs?: number;
}

/**
 * Workers that each own their rooms and write them one request at a time: creates, additions,
 * removals and transfers (plus GETs), recording every 2xx in the ledger. Bounded by `until`
 * and `maxRequests`.
 */
export async function runMixedLoad(options: LoadOptions): Promise<void> {
  const { client, ledger, users } = options;
  let sent = 0;
  const worker = async (w: number) => {
    const mine: RoomEntry[] = [];
    while (!options.until() && sent < options.maxRequests) {
      sent++;
      const room = mine.length > 0 ? pick(mine) : undefined;
      if (room && Math.random() < options.readShare) {
        await client.call('read', 'GET', `/chatrooms/${room.id}`);
      } else if (!room || mine.length < 3 || Math.random() < 0.15) {
        await create(w, mine);
      } else {
        const roll = Math.random();
        if (roll < 0.45) await add(room);
        else if (roll < 0.8) await remove(room);
        else await transfer(room);
      }
      if (options.pauseMs) await sleep(options.pauseMs);
    }
  };

  const create = async (w: number, mine: RoomEntry[]) => {
    const [owner, ...members] = [...users].sort(() => Math.random() - 0.5).slice(0, 4);
    const answer = await client.call('create', 'POST', '/chatrooms', {
      name: `w${w}`,
      description: 'load',
      maxusers: MAX_USERS,
      owner,
      members,
    });
    if (answer.status === 200) mine.push(ledger.created(answer.body.data.id, MAX_USERS, owner!, members));
  };

  // Any answer but 200 leaves the pair uncertain: no answer, 502 or 503 may or may not have
  // committed, and the load only sends writes that succeed, so a refusal is suspect too: nginx
  // re-sends a PUT or DELETE whose instance died mid-request, and the repeat says "already done".
  const add = async (room: RoomEntry) => {
    const states = [...room.members.values()];
    // Never more than could fit: a refusal for a full room is not what this load measures.
    if (states.filter((s) => s !== 'out').length >= room.maxUsers) return remove(room);
    const candidates = users.filter((u) => (room.members.get(u) ?? 'out') === 'out');
    const user = pick(candidates);
    const answer = await client.call('add', 'POST', `/chatrooms/${room.id}/users/${user}`);
    if (answer.status === 200) ledger.added(room, user);
    else ledger.uncertain(room, user);
  };

  const settledMembers = (room: RoomEntry) =>
    [...room.members].filter(([u, s]) => s === 'in' && u !== room.owner).map(([u]) => u);

  const remove = async (room: RoomEntry) => {
    const candidates = settledMembers(room);
    if (room.owner === undefined || candidates.length === 0) return;
    const user = pick(candidates);
    const answer = await client.call('remove', 'DELETE', `/chatrooms/${room.id}/users/${user}`);
    if (answer.status === 200) ledger.removed(room, user);
    else ledger.uncertain(room, user);
  };

  const transfer = async (room: RoomEntry) => {
    const candidates = settledMembers(room);
    if (room.owner === undefined || candidates.length === 0) return;
    const user = pick(candidates);
    const answer = await client.call('transfer', 'PUT', `/chatrooms/${room.id}`, { newowner: user });
    if (answer.status === 200) ledger.transferred(room, user);
    else ledger.uncertain(room, user, true);
  };

  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
}
