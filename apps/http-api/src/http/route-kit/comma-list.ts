/**
 * A comma list of a path segment: `a,b` or `a%2Cb` (the router has decoded the latter by
 * now). Empty items are dropped.
 */
export function commaList(raw: string): string[] {
  return raw.split(',').filter((item) => item !== '');
}

/** A segment with a comma selects an endpoint's batch form, even with a single item left. */
export function isCommaList(raw: string): boolean {
  return raw.includes(',');
}
