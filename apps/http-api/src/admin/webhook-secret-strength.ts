/** The rule a chosen webhook secret must meet, as help and refusals state it. */
export const SECRET_RULE = 'at least 24 characters, at least 12 of them different (e.g. openssl rand -base64 24)';

const MIN_LENGTH = 24;
const MIN_DISTINCT = 12;

/**
 * Why a chosen signing secret is too weak, or null. Anyone who sees one callback can test
 * guesses offline against its `security` field (an MD5 of callId + secret + timestamp, fixed by
 * Easemob's format), so a secret must be out of reach of a dictionary or a short brute force:
 * 24 characters drawn from 12 or more distinct ones is over 86 bits even for a single-case
 * alphabet; the generated default (24 random bytes in base64url) has 192.
 */
export function secretStrengthProblem(secret: string): string | null {
  const characters = [...secret];
  if (characters.length < MIN_LENGTH) return `must be ${SECRET_RULE}; it has ${characters.length} characters`;
  if (new Set(characters).size < MIN_DISTINCT) return `must be ${SECRET_RULE}; it repeats too few characters`;
  return null;
}
