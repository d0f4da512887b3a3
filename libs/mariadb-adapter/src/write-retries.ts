import { isRetryable, translateDatabaseError } from './translate-database-error.js';

/** Runs of a unit after a deadlock or a foreign-key race, the first included. */
export const MAX_ATTEMPTS = 5;

/**
 * Runs `transaction` (one whole transaction, begun and ended inside it) again after a deadlock
 * (1213: InnoDB has already rolled the whole transaction back) or a foreign-key race
 * (1451/1452), up to MAX_ATTEMPTS runs; what finally escapes is translated for the domain.
 * `onRetry` hears of every run again, with the attempt that failed and the error's code.
 */
export async function withRetries<T>(
  transaction: () => Promise<T>,
  onRetry: (attempt: number, code: string) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && isRetryable(error)) {
        onRetry(attempt, String((error as { code?: unknown }).code));
        await pause(attempt);
        continue;
      }
      throw translateDatabaseError(error);
    }
  }
}

/** A short random back-off, growing with each attempt, so the conflicting units interleave differently. */
export function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** attempt));
}
