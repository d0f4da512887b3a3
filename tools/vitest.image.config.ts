import { defineConfig } from 'vitest/config';

/** `npm run test:image`: the image and the Kubernetes manifests, run under podman (not part of `npm test`). */
export default defineConfig({
  test: {
    include: ['container/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 900_000,
  },
});
