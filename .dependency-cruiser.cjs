/**
 * The hexagon's layer rules, checked on every `npm test`.
 * - the domain imports only its own files (its contract suite and *.test.ts may also import vitest);
 * - adapters (every libs/*-adapter, by name) import the domain, the SQL store kit and their own
 *   libraries, never the app or each other; every other lib is the domain, the kit or the typed client;
 * - the SQL store kit (libs/sql-store-kit) sits between: it imports the domain and itself, never an
 *   adapter, the app or tools;
 * - only the app (and tools) import adapters.
 * - the typed client (libs/client) imports nothing of ours: it is not an adapter but a consumer's library.
 * Inside the app (apps/http-api/src):
 * - the composition root (composition/) is on top: only the entry points, test support and tests import it;
 * - ports/ (the use cases, the store, the service identifiers the app's parts share) is at the bottom;
 * - events/ does not reach into http/.
 */
const APP = '^apps/http-api/src/';
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/chatroom-domain may import nothing outside itself: no I/O, no framework.',
      severity: 'error',
      from: {
        path: '^libs/chatroom-domain/src',
        pathNot: ['^libs/chatroom-domain/src/testing/', '\\.test\\.ts$'],
      },
      to: { pathNot: '^libs/chatroom-domain/src' },
    },
    {
      name: 'domain-contract-suite-uses-only-vitest',
      comment: 'The port contract suite and the unit tests may import vitest besides the domain itself.',
      severity: 'error',
      from: { path: ['^libs/chatroom-domain/src/testing/', '^libs/chatroom-domain/src/.*\\.test\\.ts$'] },
      to: { pathNot: ['^libs/chatroom-domain/src', '(^|/)node_modules/(vitest|@vitest)/'] },
    },
    {
      name: 'adapters-do-not-import-the-app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'adapters-do-not-import-each-other',
      comment:
        'By convention every adapter lives in libs/<name>-adapter (the generator puts it there), so a new ' +
        'adapter is covered with no list to edit: it may import the domain, the SQL store kit and itself, no other lib.',
      severity: 'error',
      from: { path: '^libs/([^/]+-adapter)/' },
      to: { path: '^libs/', pathNot: ['^libs/chatroom-domain/', '^libs/sql-store-kit/', '^libs/$1/'] },
    },
    {
      name: 'sql-store-kit-sits-below-the-adapters',
      comment:
        'What the SQL stores share: it may import the domain and itself, never an adapter (the arrow points ' +
        'from the adapters to the kit), the app or tools.',
      severity: 'error',
      from: { path: '^libs/sql-store-kit/' },
      to: { path: '^(libs|apps|tools)/', pathNot: ['^libs/chatroom-domain/', '^libs/sql-store-kit/'] },
    },
    {
      name: 'libs-are-adapters-or-the-domain',
      comment: 'A lib outside the convention would escape the rule above: name it <name>-adapter.',
      severity: 'error',
      from: { path: '^libs/(?!chatroom-domain/|client/|sql-store-kit/)(?![^/]+-adapter/)' },
      to: {},
    },
    {
      name: 'client-stands-alone',
      comment:
        'libs/client is for consumers of the HTTP API: it imports none of our code, only its generated types and openapi-fetch.',
      severity: 'error',
      from: { path: '^libs/client/' },
      to: { path: '^(libs|apps|tools)/', pathNot: '^libs/client/' },
    },
    {
      name: 'app-composition-root-on-top',
      comment:
        'Only the entry points (main.ts, admin/main.ts, index.ts: the package API for tools), test support ' +
        '(src/testing/, which starts services in process) and tests import composition/; the parts share src/ports/.',
      severity: 'error',
      from: {
        path: APP,
        pathNot: [
          `${APP}composition/`,
          `${APP}(main|index)\\.ts$`,
          `${APP}admin/main\\.ts$`,
          `${APP}testing/`,
          '\\.test\\.ts$',
        ],
      },
      to: { path: `${APP}composition/` },
    },
    {
      name: 'app-ports-at-the-bottom',
      comment: 'src/ports/ holds what the parts of the app share: it imports only itself and the configuration type.',
      severity: 'error',
      from: { path: `${APP}ports/` },
      to: { path: APP, pathNot: [`${APP}ports/`, `${APP}config\\.ts$`] },
    },
    {
      name: 'app-events-do-not-import-http',
      comment: 'The delivery worker shares what it needs with the HTTP layer through src/ports/.',
      severity: 'error',
      from: { path: `${APP}events/` },
      to: { path: `${APP}http/` },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(libs|apps)/[^/]+/(dist|test-bundle)/' },
    tsConfig: { fileName: 'tsconfig.base.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'types', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
