import { WRITE_CASES, type WriteRoundTrips } from '@chatroom/domain/testing';

/**
 * Every write use case, success or refusal: one statement (a guarded command, autocommit). The
 * probe counts statements that returned rows; the refusals that come after a counter was
 * bumped raise inside that one statement (undoing it), so they show as 0: any statement added
 * before them would still be counted.
 */
export const ONE_STATEMENT_EACH = {
  ...Object.fromEntries(WRITE_CASES.map((name) => [name, 1])),
  'add, room full': 0,
  'add, user at the joined-room cap': 0,
  'create, quota exceeded': 0,
  'create, user at the joined-room cap': 0,
} as WriteRoundTrips;
