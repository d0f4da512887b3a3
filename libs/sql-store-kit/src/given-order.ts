/**
 * Those of `asked` that are among `found` (what a statement returned, in no useful order),
 * each once, in the order they were asked for: what the ports' remove methods return.
 */
export function inAskedOrder<T extends string>(asked: readonly T[], found: readonly string[]): T[] {
  const hit = new Set(found);
  return [...new Set(asked)].filter((u) => hit.has(u));
}
