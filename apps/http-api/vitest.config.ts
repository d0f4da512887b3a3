import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['vitest.global-setup.mjs'],
    // Most files wait on child processes, sockets and databases rather than on the CPU: three
    // files at a time keep two cores busy (vitest's default on two cores is one file at a time).
    maxWorkers: 3,
    // Files run side by side, so a test's wall time includes its neighbours' CPU: the bounds are
    // there to end a hung test, not to time one (no test asserts its own duration through them).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
