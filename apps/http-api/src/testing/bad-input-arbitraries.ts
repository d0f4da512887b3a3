import fc from 'fast-check';

/**
 * Generators of bad input for the never-a-5xx property tests (src/e2e/bad-input.test.ts):
 * odd text, ids that can never be legal, values of the wrong type, malformed JSON.
 */

/** One request of the property. */
export interface BadRequest {
  readonly method: string;
  /** Under `/{org}/{app}` unless `absolute`. */
  readonly path: string;
  readonly absolute?: boolean;
  /** An object is sent as JSON; a string is sent raw as application/json. */
  readonly body?: unknown;
}

const INJECTIONS = [
  "1' OR '1'='1",
  '1; DROP TABLE chatrooms;--',
  "'); DELETE FROM users; --",
  '../../etc/passwd',
  '${jndi:ldap://x/a}',
  '<script>alert(1)</script>',
  '%00',
  '\\',
  '"',
  '__proto__',
  'constructor',
  '😀',
  'İ',
  'K', // Kelvin sign: lower-cases to ASCII k
  '\u202e',
  '١٢٣',
  'a\u0000b',
  '\ud800',
  'x'.repeat(300),
];

export const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 15 }),
  fc.constantFrom(...INJECTIONS),
);

const BAD_ID_CHARS = [' ', "'", ';', '<', '%', '中', '😀', '/', '\u0000', '\ud800'];

const textAround = (chars: readonly string[]) =>
  fc.tuple(oddText, fc.constantFrom(...chars), oddText).map(([a, c, b]) => `${a}${c}${b}`);

/** Never a legal user or room id, even lower-cased: it always holds one character outside `[a-z0-9_.-]`. */
export const badId = textAround([...BAD_ID_CHARS, ',']);

/**
 * Like `badId`, but its bad character is never a comma: split as a comma list, one of its
 * pieces is still illegal.
 */
export const badListItem = textAround(BAD_ID_CHARS);

/** More than `max` code points. */
export const hugeText = (max: number) =>
  fc
    .integer({ min: max + 1, max: 20_000 })
    .chain((n) => fc.constantFrom('é', '名', '😀', 'a', '\u0301').map((ch) => ch.repeat(n)));

/** Any JSON value that is not a string (no NaN or ±Infinity: JSON turns them into null, which counts as absent). */
export const notAString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);

/** Any JSON value that is neither an integer nor null (nor a double JSON would turn into null). */
export const notAnInteger = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
  fc.boolean(),
  fc.string(),
  fc.array(fc.integer(), { maxLength: 2 }),
);

export const malformedJson = fc.oneof(
  fc.constantFrom('{', '{"a":}', '[1,', 'nul', '{"a":1}}', "{'a':1}", '{"a":"\\x"}', '{"__proto__":{}}', '\u0000'),
  fc.string({ unit: 'binary', minLength: 1 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);

/** A path segment carrying `text` (made well-formed first, so it can be encoded). */
export function segment(text: string): string {
  return encodeURIComponent((text as string & { toWellFormed(): string }).toWellFormed());
}
