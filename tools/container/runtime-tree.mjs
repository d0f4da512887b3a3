// Assembles, in the image's build stage, the tree the runtime stage copies: the two bundled entry
// points of apps/http-api with the chunks they share, its package.json (it says "type": "module"),
// the packages apps/http-api/runtime-packages.mjs names with every package they depend on (found
// by Node's own lookup, from the installed tree that `npm ci` made from the lockfile), and the
// migrated empty PGlite store that `npm run build` leaves in node_modules/.cache (new embedded data
// directories start from it instead of running initdb).
//
//   node tools/container/runtime-tree.mjs <repo root> <out dir>
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

const [repoArg, outArg] = process.argv.slice(2);
if (!repoArg || !outArg) {
  console.error('usage: node runtime-tree.mjs <repo root> <out dir>');
  process.exit(2);
}
const repo = resolve(repoArg);
const out = resolve(outArg);
const app = join(repo, 'apps', 'http-api');
const { BUNDLE_EXTERNALS, ASSET_PACKAGES } = await import(join(app, 'runtime-packages.mjs'));

/** Node's lookup: `<dir>/node_modules/<name>`, then the same from each parent directory. */
function locate(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === repo || dirname(dir) === dir) return null;
  }
}

const found = new Map();
const missingOptional = [];
function visit(name, fromDir, optional, by) {
  const dir = locate(name, fromDir);
  if (!dir) {
    if (optional) return missingOptional.push(name);
    throw new Error(`${name} (needed by ${by}) is not installed under ${fromDir}`);
  }
  if (found.has(dir)) return;
  found.set(dir, name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const peerMeta = manifest.peerDependenciesMeta ?? {};
  for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir, false, name);
  for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(dep, dir, true, name);
  for (const dep of Object.keys(manifest.peerDependencies ?? {}))
    visit(dep, dir, Boolean(peerMeta[dep]?.optional), name);
}
for (const name of BUNDLE_EXTERNALS) visit(name, app, name === 'pg-native', 'the bundles');
for (const name of ASSET_PACKAGES) visit(name, app, false, 'the bundles');

/** What no running process reads: source maps, type declarations, documents, packages' tests. */
const UNUSED =
  /(\.map|\.d\.[cm]?ts|\.md|\.markdown|LICENSE\.txt)$|^(test|tests|__tests__|\.github|\.husky|docs?|benchmarks?)$/i;

const copy = (from) => {
  const target = join(out, relative(repo, from));
  mkdirSync(dirname(target), { recursive: true });
  // A package's own node_modules holds other packages: those are copied when they are needed.
  const nested = join(from, 'node_modules') + sep;
  cpSync(from, target, {
    recursive: true,
    filter: (path) => path === from || (!(path + sep).startsWith(nested) && !UNUSED.test(basename(path))),
  });
};
for (const dir of found.keys()) copy(dir);
// The entry points and their shared chunks, as bundle.mjs lists them.
const bundles = JSON.parse(readFileSync(join(app, 'dist', 'bundle-outputs.json'), 'utf8'));
for (const file of ['package.json', ...bundles.map((name) => join('dist', name))]) copy(join(app, file));
const pgliteDir = [...found].find(([, name]) => name === '@electric-sql/pglite')?.[0];
const template = pgliteDir && join(dirname(dirname(pgliteDir)), '.cache', 'chatroom-pglite');
if (template && existsSync(template)) copy(template);
else console.error('runtime-tree: no PGlite template in node_modules/.cache (embedded first starts run initdb)');

console.error(
  `runtime-tree: ${found.size} packages${missingOptional.length ? ` (optional, not installed: ${missingOptional.join(', ')})` : ''}`,
);
