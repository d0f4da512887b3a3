import * as z from 'zod';

/**
 * An optional body field: absent and `null` both read as "not given", since many clients
 * serialise unset fields as null.
 */
export function optional<S extends z.ZodType>(schema: S) {
  return schema.nullish().transform((value) => value ?? undefined);
}

/**
 * A query parameter that must be an integer: digits only, else NaN, so the domain's own
 * range check ("limit must be a positive integer") reports it.
 */
export const integerParam = z
  .string()
  .optional()
  .transform((raw) => (raw === undefined ? undefined : /^[+-]?\d+$/.test(raw) ? Number(raw) : NaN));

/**
 * `?pagenum&pagesize` of the page-numbered lists (joined rooms, members, super admins); the
 * use case applies each list's defaults and range.
 */
export const pageQuery = z.object({
  pagenum: integerParam,
  pagesize: integerParam,
});

/** A query as parsed by Koa, with a repeated parameter reduced to its first value. */
export function firstValues(query: Record<string, string | string[] | undefined>): Record<string, string> {
  const single: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) single[name] = first;
  }
  return single;
}
