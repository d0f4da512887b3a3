import { errors } from '@chatroom/domain';
import type * as z from 'zod';

/** How a zod `expected` reads in a message: "name must be a string". */
const EXPECTED: Record<string, string> = {
  string: 'a string',
  int: 'an integer',
  // Every number this API takes is an integer (zod reports a string given for an int as `number`).
  number: 'an integer',
  boolean: 'a boolean',
  array: 'an array',
  object: 'a JSON object',
  record: 'a JSON object',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `name`, `members[1]`, `users[0].username`, or the root's own name. */
function fieldName(path: readonly PropertyKey[], root: string): string {
  const name = path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
  return path.length === 0 || typeof path[0] === 'number' ? `${root}${name}` : name;
}

/** The Easemob `invalid_parameter` wording of the first problem zod found. */
function describe(issue: z.core.$ZodIssue, input: unknown, root: string): string {
  const field = fieldName(issue.path, root);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `some of [${issue.keys.join(', ')}] are not valid fields`;
    case 'invalid_type':
      if (issue.path.length > 0 && valueAt(input, issue.path) == null) return `${field} must be provided`;
      return `${field} must be ${EXPECTED[issue.expected] ?? issue.expected}`;
    case 'too_big':
    case 'too_small':
      // Integers beyond the safe range are reported as "not an integer", like any other non-integer.
      if (issue.origin === 'number' || issue.origin === 'int') return `${field} must be an integer`;
      return issue.message;
    default:
      return issue.message;
  }
}

/**
 * Parses `input` with `schema`, or throws the domain's `invalid_parameter` error naming the
 * first bad field. `root` names the whole input in messages ("request body").
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, root = 'request body'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw errors.invalidParameter(describe(result.error.issues[0]!, input, root));
}
