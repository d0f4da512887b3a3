/**
 * The items of `rooms`, one at a time to any number of workers, loaded group by group with
 * `load` (one source read per group): the next group is loaded while the workers take this
 * one's items, so that no worker waits at a group's end. Returns undefined once all are taken.
 */
export function roomFeed<R, T>(
  rooms: readonly R[],
  size: number,
  load: (group: R[]) => Promise<T[]>,
): () => Promise<T | undefined> {
  let start = 0;
  const loadNext = (): Promise<T[]> | undefined => {
    if (start >= rooms.length) return undefined;
    const loading = load(rooms.slice(start, (start += size)));
    loading.catch(() => undefined); // awaited when its turn comes; not an unhandled rejection meanwhile
    return loading;
  };
  let items: T[] = [];
  let taken = 0;
  let ahead = loadNext();
  const take = async (): Promise<T | undefined> => {
    while (taken >= items.length) {
      if (!ahead) return undefined;
      items = await ahead;
      taken = 0;
      ahead = loadNext();
    }
    return items[taken++];
  };
  // Takes one after another: a worker waiting for the next group holds the others behind it.
  let queue: Promise<unknown> = Promise.resolve();
  return () => {
    const next = queue.then(take);
    queue = next.catch(() => undefined);
    return next;
  };
}
