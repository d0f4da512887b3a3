// `npm run build`, after tsc: dist/main.js and dist/admin/main.js become single files holding our
// code and most dependencies, so a start no longer resolves and loads ~500 modules one by one
// (module loading was most of a PostgreSQL start: ≈ 7 s → 3.5 s and 106 → 93 MB RSS on a loaded
// machine). The other dist files stay for the package's library use (`@chatroom/http-api`).
// Kept outside: the packages runtime-packages.mjs names.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { BUNDLE_EXTERNALS } from './runtime-packages.mjs';

const result = await build({
  entryPoints: ['dist/main.js', 'dist/admin/main.js'],
  outdir: 'dist',
  outbase: 'dist',
  allowOverwrite: true,
  bundle: true,
  // What both entry points use (nearly everything) goes into shared chunks, held once.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: BUNDLE_EXTERNALS,
  // Bundled CommonJS modules call require(); ESM output needs one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

// The files a running entry point loads, for whoever ships them (the container image).
const outputs = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
writeFileSync('dist/bundle-outputs.json', `${JSON.stringify(outputs.map((file) => file.replace(/^dist\//, '')), null, 2)}\n`);
// Chunks of earlier builds would otherwise pile up beside these.
for (const file of readdirSync('dist/chunks')) {
  if (!outputs.includes(`dist/chunks/${file.replace(/\.map$/, '')}`)) rmSync(`dist/chunks/${file}`);
}
