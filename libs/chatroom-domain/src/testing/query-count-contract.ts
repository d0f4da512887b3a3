import { describe, expect, it } from 'vitest';
import type { Repositories } from '../ports/unit-of-work.js';
import { GetChatroomDetails } from '../use-cases/get-chatroom-details/get-chatroom-details.js';
import { ListChatrooms } from '../use-cases/list-chatrooms/list-chatrooms.js';
import { RACE_TIMEOUT_MS, useStore, type QueryCount, type StoreFactory, type StoreHandle } from './store-factory.js';
import { makeRoom, seedApp, seedRoom, seedUsers, tryInsertRoom } from './store-fixtures.js';

/** Statements and rows that `work` costs, read from the handle's query-count probe. */
async function costOf(h: StoreHandle, work: () => Promise<unknown>): Promise<QueryCount> {
  const before = h.probes.queryCount();
  await work();
  const after = h.probes.queryCount();
  return { queries: after.queries - before.queries, rows: after.rows - before.rows };
}

function reading(h: StoreHandle, work: (r: Repositories) => Promise<unknown>): () => Promise<unknown> {
  return () => h.uow.read(work);
}

/** The details of 100 rooms (3 affiliations each) take the statements of the details of one: two. */
export async function checkDetailsCost(h: StoreHandle): Promise<void> {
  const app = await seedApp(h);
  const [owner, a, b] = await seedUsers(h, app, 3);
  const ids: string[] = [];
  for (let i = 0; i < 100; i++) ids.push((await seedRoom(h, app, owner!, [a!, b!])).id);
  const details = new GetChatroomDetails({ uow: h.uow });

  const one = await costOf(h, () => details.execute(app, ids.slice(0, 1)));
  const hundred = await costOf(h, () => details.execute(app, ids));
  // GetChatroomDetails promises two queries: the rooms, then every affiliation at once.
  expect(one.queries).toBe(2);
  expect(hundred.queries).toBe(2);
  expect(hundred.rows).toBe(100 + 300);

  const affiliationsOfOne = await costOf(
    h,
    reading(h, (r) => r.memberships.affiliations(app.id, ids.slice(0, 1))),
  );
  const affiliationsOfAll = await costOf(
    h,
    reading(h, (r) => r.memberships.affiliations(app.id, ids)),
  );
  expect(affiliationsOfAll.queries).toBe(affiliationsOfOne.queries);
  expect(affiliationsOfAll.rows).toBe(300);
}

/** Deleting every room a user owns takes as many statements for 20 rooms as for one. */
export async function checkDeleteOwnedCost(h: StoreHandle): Promise<void> {
  const app = await seedApp(h);
  const [few, many, member] = await seedUsers(h, app, 3);
  await seedRoom(h, app, few!, [member!]);
  for (let i = 0; i < 20; i++) await seedRoom(h, app, many!, [member!]);

  const one = await costOf(h, () => h.uow.write((r) => r.chatrooms.deleteOwnedBy(app.id, few!)));
  const twenty = await costOf(h, () => h.uow.write((r) => r.chatrooms.deleteOwnedBy(app.id, many!)));
  expect(twenty.queries).toBe(one.queries);
  expect(await h.uow.read((r) => r.memberships.joinedRooms(app.id, member!, 0, 100))).toEqual([]);
}

/** A page 290 rooms deep costs the first page's statements and reads only its own rows (keyset), also through the cursor. */
export async function checkKeysetPaging(h: StoreHandle): Promise<void> {
  const app = await seedApp(h);
  const [owner] = await seedUsers(h, app, 1);
  const seqs: number[] = [];
  for (let i = 0; i < 300; i++) {
    const room = await makeRoom(h, app, owner!);
    expect(await tryInsertRoom(h, room, app.settings.roomQuota)).toBe('inserted');
    seqs.push(room.seq);
  }
  const newestFirst = [...seqs].reverse();

  const first = await costOf(
    h,
    reading(h, (r) => r.chatrooms.listPage(app.id, 10)),
  );
  const deep = await costOf(
    h,
    reading(h, (r) => r.chatrooms.listPage(app.id, 10, newestFirst[289])),
  );
  const last = await costOf(
    h,
    reading(h, (r) => r.chatrooms.listPage(app.id, 10, newestFirst[295])),
  );
  expect(first).toEqual({ queries: deep.queries, rows: 10 });
  expect(deep.rows).toBe(10);
  expect(last).toEqual({ queries: first.queries, rows: 4 });

  // Through the use case: following the cursor 29 pages down costs what the first page costs.
  const list = new ListChatrooms({ uow: h.uow });
  let page = await list.execute(app, { limit: 10 });
  const pageCosts: QueryCount[] = [];
  for (let i = 1; i < 30; i++) {
    const cursor = page.cursor!;
    pageCosts.push(await costOf(h, async () => (page = await list.execute(app, { limit: 10, cursor }))));
  }
  expect(page.rooms.map((r) => r.seq)).toEqual(newestFirst.slice(290));
  expect(page.cursor).toBeUndefined();
  // One statement per page, each reading its page and the one extra row that tells whether another follows.
  expect(new Set(pageCosts.map((c) => `${c.queries}/${c.rows}`))).toEqual(new Set(['1/11', '1/10']));
}

/**
 * The ports' cost promises, seen through each store's query-count probe: "a constant number of
 * queries for any number of rooms" (details, affiliations, deleting a user's rooms) and keyset
 * paging (a page deep in the list costs what the first page costs, and reads no more rows than it returns).
 */
export function describeQueryCountContract(name: string, factory: StoreFactory): void {
  describe(`${name}: query counts`, () => {
    const store = useStore(factory);

    it(
      'the details of 100 rooms (3 affiliations each) take as many statements as the details of one',
      () => checkDetailsCost(store().main),
      RACE_TIMEOUT_MS,
    );

    it(
      'deleting every room a user owns takes as many statements for 20 rooms as for one',
      () => checkDeleteOwnedCost(store().main),
      RACE_TIMEOUT_MS,
    );

    it(
      'a page of rooms 290 rooms deep costs the statements of the first page and reads only its own rows (keyset)',
      () => checkKeysetPaging(store().main),
      RACE_TIMEOUT_MS,
    );
  });
}
