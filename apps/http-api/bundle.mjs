// Bundles the service and the admin CLI from their TypeScript sources (the workspace libs through
// their `source` export condition), so that a start loads a few modules instead of ~500 and needs
// no TypeScript loader. `npm run build` runs it after tsc (whose other dist files stay for the
// package's library use); `npm start`, `npm run admin` and the tests that spawn the service run it
// on its own, which takes about a second.
// Kept outside: the packages runtime-packages.mjs names.
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsole } from './console/build-console.mjs';
import { BUNDLE_EXTERNALS } from './runtime-packages.mjs';

const PACKAGE_ROOT = fileURLToPath(new URL('.', import.meta.url));
const REPO_ROOT = join(PACKAGE_ROOT, '../..');

/**
 * Writes `main.js`, `admin/main.js`, the chunks both share, `bundle-outputs.json` (the files a
 * running entry point loads, for whoever ships them: the container image) and the operator
 * console's `console/` into `outdir`.
 */
export async function bundle(outdir = 'dist') {
  const result = await build({
    absWorkingDir: PACKAGE_ROOT,
    entryPoints: { main: 'src/main.ts', 'admin/main': 'src/admin/main.ts' },
    outdir,
    allowOverwrite: true,
    bundle: true,
    // What both entry points use (nearly everything) goes into shared chunks, held once.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    sourcemap: true,
    // Smaller bundles to load and to ship; names kept, so stack traces and `.name` stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    logLevel: 'warning',
    // The console's in-memory build (for runs from the sources) stays out: the bundle ships the built console.
    external: [...BUNDLE_EXTERNALS, '*build-console.mjs'],
    // Bundled CommonJS modules call require(); ESM output needs one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  const prefix = `${outdir.replace(/\/$/, '')}/`;
  const outputs = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
  const shipped = outputs.map((file) => (file.startsWith(prefix) ? file.slice(prefix.length) : file));
  // Chunks of earlier builds would otherwise pile up beside these.
  const chunks = join(PACKAGE_ROOT, outdir, 'chunks');
  for (const file of existsSync(chunks) ? readdirSync(chunks) : []) {
    if (!shipped.includes(`chunks/${file.replace(/\.map$/, '')}`)) rmSync(join(chunks, file));
  }
  // The operator console: its own browser bundle, served from <outdir>/console/.
  await buildConsole(join(PACKAGE_ROOT, 'console'), join(PACKAGE_ROOT, outdir, 'console'));
  const files = [...shipped, 'console/app.js', 'console/app.css'];
  writeFileSync(join(PACKAGE_ROOT, outdir, 'bundle-outputs.json'), `${JSON.stringify(files, null, 2)}\n`);
}

/** True when a bundle in `outdir` is missing or older than a source file it is built from. */
export function isStale(outdir = 'dist') {
  const built = Math.min(...['main.js', 'admin/main.js'].map((file) => mtimeOf(join(PACKAGE_ROOT, outdir, file))));
  const sources = [
    join(PACKAGE_ROOT, 'src'),
    ...readdirSync(join(REPO_ROOT, 'libs')).map((lib) => join(REPO_ROOT, 'libs', lib, 'src')),
  ];
  return sources.some((dir) => newestIn(dir) > built);
}

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -Infinity;
  }
}

function newestIn(dir) {
  let newest = -Infinity;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, mtimeOf(join(entry.parentPath ?? entry.path, entry.name)));
  }
  return newest;
}

// `node bundle.mjs [outdir] [--if-stale]`
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const outdir = args.find((arg) => !arg.startsWith('--')) ?? 'dist';
  if (!args.includes('--if-stale') || isStale(outdir)) await bundle(outdir);
}
