import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    // Storms of hundreds of transactions on a shared, busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The files mostly wait on MariaDB: two at a time, where vitest's default on two cores is one.
    maxWorkers: 2,
  },
});
