/** An Idempotency-Key lives this long; then the same key is a new request, and the stored answer may go. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Forgets the Idempotency-Keys (and their stored answers) last used before `before`, at most `batch` of them; how many. */
export interface IdempotencyKeyPruner {
  prune(before: number, batch: number): Promise<number>;
}
