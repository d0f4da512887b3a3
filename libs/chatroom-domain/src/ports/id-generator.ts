/**
 * Numbers for room ids and creation order: every call returns a number greater than every
 * number returned before, by any instance sharing the store, and never the same one twice.
 * Values stay below 2^53.
 */
export interface IdGenerator {
  next(): Promise<number>;
}
