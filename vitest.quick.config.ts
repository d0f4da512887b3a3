import { defineConfig } from 'vitest/config';

/**
 * The inner loop (`npm run test:quick`): the domain with its in-memory adapters and contract suite,
 * the crypto, SQL-store-kit and callback-body units, and the HTTP app against in-memory stores.
 * Everything that needs a database server, NATS, a browser or a child process stays in `npm test`.
 */
const source = { resolve: { conditions: ['source'] }, ssr: { resolve: { conditions: ['source'] } } };

export default defineConfig({
  test: {
    // The HTTP files wait on sockets as much as they compute: three files at a time keep two cores
    // busy, where vitest's default on two cores is one.
    maxWorkers: 3,
    projects: [
      { ...source, test: { name: 'domain', root: 'libs/chatroom-domain', include: ['src/**/*.test.ts'] } },
      { ...source, test: { name: 'crypto', root: 'libs/crypto-adapter', include: ['src/**/*.test.ts'] } },
      { ...source, test: { name: 'sql-store-kit', root: 'libs/sql-store-kit', include: ['src/**/*.test.ts'] } },
      {
        ...source,
        test: {
          name: 'callback-body',
          root: 'libs/event-publisher-adapter',
          include: ['src/easemob-callback-body.test.ts'],
        },
      },
      {
        ...source,
        test: {
          name: 'http-api',
          root: 'apps/http-api',
          include: ['src/**/*.test.ts'],
          exclude: ['src/e2e/**', 'src/composition/container.test.ts', 'src/bootstrap-app.test.ts', 'src/codegen/**'],
          // As in the app's own config: files run side by side, so the bound ends a hung test only.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
