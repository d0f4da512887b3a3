/** One budget: `perSecond` requests per one-second window, shared by everything with its name. */
export interface Budget {
  /** The operation class (`chatrooms.create`, …) or `app` for one budget for the app as a whole. */
  readonly name: string;
  readonly perSecond: number;
}

/** What a budget said about one request. */
export interface BudgetCheck {
  readonly allowed: boolean;
  /** Requests left in the current window (0 when refused). */
  readonly remaining: number;
  /** Milliseconds until the window ends and the budget is full again. */
  readonly resetMs: number;
}

/**
 * Where budgets are counted: in this process (PGlite, tests) or in a store every instance
 * shares (PostgreSQL). `consume` never throws: a store that fails decides some other way
 * (see stores/postgres-rate-budgets.ts).
 */
export interface RateBudgets {
  consume(key: string, perSecond: number): Promise<BudgetCheck>;
  /** Releases the store's connections, if any. */
  close?(): Promise<void>;
}
