import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['./vitest.global-setup.ts'],
    // Storms of hundreds of transactions, and PGlite taking seconds to start on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The files wait on PostgreSQL as much as they compute (PGlite's files the other way round):
    // three at a time, where vitest's default on two cores is one.
    maxWorkers: 3,
  },
});
