import { defineConfig } from 'vitest/config';

/** `npm run test:cluster`: the fault tests against the real local topology (not part of `npm test`). */
export default defineConfig({
  test: {
    include: ['cluster/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
