/** The first response to a request made with an `Idempotency-Key`, as stored with its change. */
export interface StoredResponse {
  /** Identifies the request (method, path, query, body), so a key reused for another one is caught. */
  readonly fingerprint: string;
  readonly status: number;
  /** The response body as sent. */
  readonly body: string;
}

/**
 * One keyed request, as the runner drives it. The runner may call `run()` (or `replay()`) again
 * after rolling back the whole transaction on a conflict (deadlock, serialization failure), so
 * both must be callable more than once: each call starts from the request as received, with
 * nothing of an earlier call's response kept, and nothing is sent to the client until
 * `execute` has returned (its transaction committed).
 */
export interface IdempotentRequest {
  /** A live response was stored for the key: answer from it (replay, or refuse another request). */
  replay(stored: StoredResponse): Promise<void>;
  /**
   * Runs the request. Every unit of work it starts joins one transaction, which also stores the
   * response returned here (null: store nothing, e.g. an error, which changed nothing). A
   * conflict must escape it untouched, for the runner to see and retry.
   */
  run(): Promise<StoredResponse | null>;
}

/**
 * Runs requests keyed by an idempotency key: the change and its first response commit together
 * or not at all. `in-progress` when another request with the same key is running right now.
 * On a conflict the whole transaction (key lock, lookup, request, store) runs again, with the
 * store's usual bound and back-off, calling the request's `run()` again; once the bound is
 * spent the conflict's error is thrown and nothing was stored.
 */
export interface IdempotencyRunner {
  /** Whether the caller runs inside a keyed request (its units then join that transaction). */
  active(): boolean;
  execute(appId: string, key: string, ttlMs: number, request: IdempotentRequest): Promise<'done' | 'in-progress'>;
}
