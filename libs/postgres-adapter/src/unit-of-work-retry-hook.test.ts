import { describe, expect, it } from 'vitest';
import { openPostgresAdapter } from './open-postgres-adapter.js';

/** An error as pg reports a retryable conflict. */
function conflict(sqlState: string): Error {
  return Object.assign(new Error(`conflict ${sqlState}`), { code: sqlState });
}

describe('unit of work: the onRetry hook', () => {
  it('hears of every run again with the attempt and the SQLSTATE, and of nothing when the unit succeeds at once', async () => {
    const heard: [number, string][] = [];
    const adapter = await openPostgresAdapter({
      dataDir: 'memory://',
      onRetry: (attempt, state) => heard.push([attempt, state]),
    });
    try {
      let runs = 0;
      const result = await adapter.uow.write(async () => {
        runs++;
        if (runs === 1) throw conflict('40P01');
        if (runs === 2) throw conflict('40001');
        return 'done';
      });
      expect(result).toBe('done');
      expect(heard).toEqual([
        [2, '40P01'],
        [3, '40001'],
      ]);
      await adapter.uow.write(async () => 'once');
      expect(heard).toHaveLength(2);
    } finally {
      await adapter.close();
    }
  });

  it('is not called for an error that is not retried', async () => {
    const heard: unknown[] = [];
    const adapter = await openPostgresAdapter({ dataDir: 'memory://', onRetry: (...args) => heard.push(args) });
    try {
      await expect(adapter.uow.write(async () => Promise.reject(conflict('23505')))).rejects.toThrow();
      expect(heard).toEqual([]);
    } finally {
      await adapter.close();
    }
  });
});
