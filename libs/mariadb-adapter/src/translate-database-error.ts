import { DomainError, errors, UnavailableError } from '@chatroom/domain';

/** MariaDB error numbers (`errno`) after which the whole unit of work may simply run again. */
const RETRYABLE = new Set([
  // ER_LOCK_DEADLOCK: InnoDB chose this transaction as the victim and rolled all of it back.
  1213,
  // ER_NO_REFERENCED_ROW_2 / ER_ROW_IS_REFERENCED_2: a row the unit checked (a room, a user) was
  // deleted, or a member added, by a unit that committed meanwhile; run again, the use case's own
  // checks then answer with the domain's error (404) instead of a 500.
  1452, 1451,
]);

/**
 * Errors that mean "the store is not usable right now". 1205 ER_LOCK_WAIT_TIMEOUT is one of
 * them, not retried: InnoDB rolls back only the statement, and a lock held that long (8 s, see
 * mariadb-dialect.ts) means a stuck holder that running again would wait for once more; the
 * caller gets a 503 with Retry-After instead. 1213 lands here when it outlived the retries.
 */
const UNAVAILABLE_ERRNOS = new Set([
  1205,
  1213,
  1040, // ER_CON_COUNT_ERROR: too many connections
  1044,
  1045, // access denied (a configuration fault, but for the caller the store cannot be reached)
  1049, // ER_BAD_DB_ERROR: unknown database
  1053, // ER_SERVER_SHUTDOWN
  1927, // ER_CONNECTION_KILLED
  1969, // ER_STATEMENT_TIMEOUT (max_statement_time)
  4031, // ER_CLIENT_INTERACTION_TIMEOUT
]);

/** Socket and driver codes: the server cannot be reached, or stopped answering. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'POOL_CLOSED',
  'POOL_ENQUEUELIMIT',
]);

/** mysql2 reports a closed pool or a dead connection with these plain messages. */
const CONNECTION_MESSAGES =
  /Pool is closed|Can't add new command when connection is in closed state|connection is in closed state|driver has already been destroyed|Connection lost/i;

/**
 * Text the database cannot store: 1366 ER_TRUNCATED_WRONG_VALUE_FOR_FIELD ("Incorrect string
 * value") and 1300 ER_INVALID_CHARACTER_STRING. The caller's input is at fault.
 */
const UNSTORABLE_TEXT = new Set([1366, 1300]);

export function isRetryable(error: unknown): boolean {
  return RETRYABLE.has(errno(error) ?? -1);
}

/**
 * Translates what mysql2 threw into what the domain understands, at the adapter boundary:
 * domain errors and our own bugs pass unchanged; unreachable stores become UnavailableError;
 * text the database cannot store becomes the domain's invalid parameter; any other database
 * error becomes a plain Error naming only its error number and code, so no SQL text or row
 * values (mysql2 puts both the statement, `sql`, and values, in `sqlMessage`) reach a response.
 * The original is kept as `cause` for the logs.
 */
export function translateDatabaseError(error: unknown): unknown {
  if (error instanceof DomainError || !(error instanceof Error)) return error;
  const number = errno(error);
  const code = (error as { code?: unknown }).code;
  const sqlState = (error as { sqlState?: unknown }).sqlState;
  if (
    (number !== undefined && UNAVAILABLE_ERRNOS.has(number)) ||
    (typeof code === 'string' && NETWORK_CODES.has(code)) ||
    (typeof sqlState === 'string' && sqlState.startsWith('08')) ||
    (error as { fatal?: unknown }).fatal === true ||
    (error instanceof AggregateError &&
      error.errors.some((e) => translateDatabaseError(e) instanceof UnavailableError)) ||
    CONNECTION_MESSAGES.test(error.message)
  ) {
    return new UnavailableError();
  }
  if (number !== undefined && UNSTORABLE_TEXT.has(number)) {
    return errors.invalidParameter('text must not contain characters outside UTF-8');
  }
  if (number !== undefined) {
    const name = typeof code === 'string' ? ` ${code}` : '';
    return new Error(`database error ${number}${name}`, { cause: error });
  }
  return error;
}

/** The server's error number that mysql2 puts in `errno` (its socket errors carry a negative one or none). */
export function errno(error: unknown): number | undefined {
  const value = (error as { errno?: unknown } | null)?.errno;
  return typeof value === 'number' && value > 0 && (error as { sqlState?: unknown }).sqlState !== undefined
    ? value
    : undefined;
}
