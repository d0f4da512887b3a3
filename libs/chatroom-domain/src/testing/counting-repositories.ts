import type { Repositories } from '../ports/unit-of-work.js';
import type { QueryCount } from './store-factory.js';

/** A QueryCount that a wrapper or a query hook adds to. */
export class QueryCounter implements QueryCount {
  queries = 0;
  rows = 0;

  /** Counts one statement that returned `result` (an array, a map of arrays, one row, or nothing). */
  record(result: unknown): void {
    this.queries += 1;
    this.rows += rowsIn(result);
  }

  snapshot(): QueryCount {
    return { queries: this.queries, rows: this.rows };
  }
}

function rowsIn(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (result instanceof Map) return [...result.values()].reduce<number>((n, v) => n + Math.max(1, rowsIn(v)), 0);
  return result === null || result === undefined || typeof result !== 'object' ? 0 : 1;
}

/** The object with every method call counted as one statement that returned its result. */
function counting<R extends object>(repo: R, counter: QueryCounter): R {
  return new Proxy(repo, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        counter.record(result);
        return result;
      };
    },
  });
}

/**
 * The repositories with every call counted as one statement: the query-count probe of a store
 * that has no statements of its own (in memory), or of any store without a query hook. Each
 * repository is wrapped when first asked for, so lazily built repositories stay lazy.
 */
export function countingRepositories(repos: Repositories, counter: QueryCounter): Repositories {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(repos, {
    get(target, key) {
      if (!wrapped.has(key)) {
        const repo: unknown = Reflect.get(target, key, target);
        wrapped.set(key, repo !== null && typeof repo === 'object' ? counting(repo, counter) : repo);
      }
      return wrapped.get(key);
    },
  });
}
