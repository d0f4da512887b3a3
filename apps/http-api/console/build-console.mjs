// The console's one build step (esbuild, as the service's own bundle): console/app.js and the
// CSS it imports → app.js and app.css, minified. `npm run build` writes them to dist/console/;
// the service running from source builds them in memory on the first request for them.
import { build } from 'esbuild';
import { basename, join } from 'node:path';

/** Builds into `outdir`, or, without one, returns the files as `{ 'app.js': bytes, 'app.css': bytes }`. */
export async function buildConsole(sourceDir, outdir) {
  const result = await build({
    entryPoints: [join(sourceDir, 'app.js')],
    outdir: outdir ?? join(sourceDir, 'out'),
    entryNames: 'app',
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['chrome109', 'firefox115', 'safari15'],
    write: outdir !== undefined,
    legalComments: 'none',
    logLevel: 'warning',
  });
  if (outdir !== undefined) return {};
  return Object.fromEntries(result.outputFiles.map((file) => [basename(file.path), file.contents]));
}
