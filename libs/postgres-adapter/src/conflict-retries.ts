import { isRetryable, translateDatabaseError } from './translate-database-error.js';

/** Runs of a transaction after a deadlock or serialization failure, the first included. */
export const MAX_CONFLICT_ATTEMPTS = 5;

/** Hears of every run again (metrics): the attempt about to start, and the SQLSTATE that caused it. */
export type OnRetry = (attempt: number, sqlState: string) => void;

/**
 * The one retry policy of the adapter, shared by the unit of work and the keyed-request runner:
 * `transaction` (one whole transaction, begun and ended inside it) runs again on a conflict
 * (isRetryable: 40001, 40P01, 23503), up to MAX_CONFLICT_ATTEMPTS runs, after a short random
 * pause growing with each attempt so that the conflicting transactions interleave differently.
 * What finally escapes is translated for the domain.
 */
export async function retryOnConflict<T>(transaction: () => Promise<T>, onRetry?: OnRetry): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt < MAX_CONFLICT_ATTEMPTS && isRetryable(error)) {
        onRetry?.(attempt + 1, (error as { code: string }).code);
        await pause(attempt);
        continue;
      }
      throw translateDatabaseError(error);
    }
  }
}

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** attempt));
}
