import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  // Benchmarks are commands, not tests; the generator's test runs nx, vitest and depcruise; the soak's
  // verdict arithmetic is tested on its own.
  test: { include: ['generators/**/*.test.ts', 'soak/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 60_000 },
});
