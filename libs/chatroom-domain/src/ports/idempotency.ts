/** The first response to a request made with an `Idempotency-Key`, as stored with its change. */
export interface StoredResponse {
  /** Identifies the request (method, path, query, body), so a key reused for another one is caught. */
  readonly fingerprint: string;
  readonly status: number;
  /** The response body as sent. */
  readonly body: string;
}

export interface IdempotentRequest {
  /** A live response was stored for the key: answer from it (replay, or refuse another request). */
  replay(stored: StoredResponse): Promise<void>;
  /**
   * Runs the request. Every unit of work it starts joins one transaction, which also stores the
   * response returned here (null: store nothing, e.g. an error, which changed nothing).
   */
  run(): Promise<StoredResponse | null>;
}

/**
 * Runs requests keyed by an idempotency key: the change and its first response commit together
 * or not at all. `in-progress` when another request with the same key is running right now.
 */
export interface IdempotencyRunner {
  /** Whether the caller runs inside a keyed request (its units then join that transaction). */
  active(): boolean;
  execute(appId: string, key: string, ttlMs: number, request: IdempotentRequest): Promise<'done' | 'in-progress'>;
}
