import { DomainError, errors, UnavailableError } from '@chatroom/domain';

/** SQLSTATEs after which the whole unit of work may simply run again. */
// serialization_failure, deadlock_detected, and foreign_key_violation: a row the unit checked
// (a room, a user) was deleted by a unit that committed meanwhile; run again, the use case's own
// checks then see it gone and answer with the domain's error (404) instead of a 500.
const RETRYABLE = new Set(['40001', '40P01', '23503']);

/** Node socket errors: the server cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** pg reports a lost or unobtainable connection with plain messages and no code. */
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed|Query read timeout|PGlite is closed|driver has already been destroyed/i;

/**
 * SQLSTATEs that mean "the store is not usable right now": connection exceptions (08),
 * insufficient resources (53), operator intervention (57: shutdown, statement timeout),
 * lock_not_available (55P03), and conflicts that outlived our retries (40).
 * Auth failures (28) and a missing database (3D000) are configuration faults, but for the
 * caller they equally mean that the store cannot be reached.
 * read_only_sql_transaction (25006): the server reached is not a primary (yet). During a
 * failover Patroni reports the new leader (and HAProxy routes to it) a moment before its
 * PostgreSQL has left recovery; nothing was written, and the write succeeds once it has.
 */
function isUnavailableState(code: string): boolean {
  return /^(08|53|57|28|40)/.test(code) || code === '3D000' || code === '55P03' || code === '25006';
}

/**
 * Text the database cannot store: a NUL character (22021 character_not_in_repertoire) or a
 * character with no equivalent in the server encoding (22P05 untranslatable_character). The
 * caller's input is at fault, whichever layer let it through.
 */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

export function isRetryable(error: unknown): boolean {
  return RETRYABLE.has(sqlState(error) ?? '');
}

/**
 * Translates what the database driver threw into what the domain understands, at the adapter
 * boundary: domain errors and our own bugs pass unchanged; unreachable stores become
 * UnavailableError; text the database cannot store becomes the domain's invalid parameter;
 * any other database error becomes a plain Error naming only its SQLSTATE and constraint, so
 * no SQL text or row values reach a response (the original is kept as `cause` for the logs).
 */
export function translateDatabaseError(error: unknown): unknown {
  if (error instanceof DomainError || !(error instanceof Error)) return error;
  const code = sqlState(error);
  const errno = (error as { code?: unknown }).code;
  if (
    (code !== undefined && isUnavailableState(code)) ||
    (typeof errno === 'string' && NETWORK_CODES.has(errno)) ||
    (error instanceof AggregateError &&
      error.errors.some((e) => translateDatabaseError(e) instanceof UnavailableError)) ||
    CONNECTION_MESSAGES.test(error.message)
  ) {
    return new UnavailableError();
  }
  if (code !== undefined && UNSTORABLE_TEXT.has(code)) {
    return errors.invalidParameter('text must not contain NUL characters or characters outside UTF-8');
  }
  if (code !== undefined) {
    const constraint = (error as { constraint?: unknown }).constraint;
    const where = typeof constraint === 'string' ? ` on ${constraint}` : '';
    return new Error(`database error ${code}${where}`, { cause: error });
  }
  return error;
}

/** The five-character SQLSTATE that pg and PGlite put in `code`, if any. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
