// `npm run build`, after tsc: dist/main.js and dist/admin/main.js become single files holding our
// code and most dependencies, so a start no longer resolves and loads ~500 modules one by one
// (module loading was most of a PostgreSQL start: ≈ 7 s → 3.5 s and 106 → 93 MB RSS on a loaded
// machine). The other dist files stay for the package's library use (`@chatroom/http-api`).
// Kept outside: PGlite (it loads its .wasm and data files from beside its own module) and pino
// (its transports run worker files by path).
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/main.js', 'dist/admin/main.js'],
  outdir: 'dist',
  outbase: 'dist',
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['@electric-sql/pglite', 'kysely-pglite-dialect', 'pino', 'pg-native'],
  // Bundled CommonJS modules call require(); ESM output needs one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

// The operator console: its own browser bundle, served from dist/console/ (console/build-console.mjs).
const { buildConsole } = await import('./console/build-console.mjs');
await buildConsole('console', 'dist/console');
