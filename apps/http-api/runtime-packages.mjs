// What the bundles (dist/main.js, dist/admin/main.js) still take from node_modules at run time:
// one list for bundle.mjs, which leaves these packages out of the bundles, and for the container
// image, which ships exactly these packages and their dependencies.

/** Loaded as code: PGlite loads its .wasm and data files from beside its own module, pino runs
 * its transports' worker files by path, and pg-native is pg's optional native driver. */
export const BUNDLE_EXTERNALS = ['@electric-sql/pglite', 'kysely-pglite-dialect', 'pino', 'pg-native'];

/** Read as files: the offline reference page `GET /docs` serves swagger-ui-dist's assets. */
export const ASSET_PACKAGES = ['swagger-ui-dist'];
