import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** One file of the console, as sent: its type, bytes and their gzip. */
export interface ConsoleAsset {
  readonly type: string;
  readonly body: Buffer;
  readonly gzip: Buffer;
}

/** The console's files by name (`app.js`, `app.css`). */
export type ConsoleAssets = ReadonlyMap<string, ConsoleAsset>;

const FILES = { 'app.js': 'application/javascript; charset=utf-8', 'app.css': 'text/css; charset=utf-8' } as const;

/**
 * Where the bundle step leaves the console: beside the entry point (dist/main.js), seen from a
 * shared chunk (dist/chunks/), or the package's dist/ seen from src/http/operator/.
 */
const BUILT = [
  new URL('./console/', import.meta.url),
  new URL('../console/', import.meta.url),
  new URL('../../../dist/console/', import.meta.url),
];
/** The console's source (apps/http-api/console/), seen from src/http/operator/. */
const SOURCE = new URL('../../../console/', import.meta.url);

let loading: Promise<ConsoleAssets> | undefined;

/**
 * The built console when there is one (production: `npm run build`); otherwise, running from
 * source (`npm start`, tests), the same esbuild step run once in memory.
 */
export function consoleAssets(): Promise<ConsoleAssets> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<ConsoleAssets> {
  const dir = BUILT.find((url) => existsSync(fileURLToPath(new URL('app.js', url))));
  const texts = dir
    ? Object.fromEntries(
        await Promise.all(Object.keys(FILES).map(async (name) => [name, await readFile(new URL(name, dir))] as const)),
      )
    : await buildFromSource();
  return new Map(
    Object.entries(FILES).map(([name, type]) => {
      const body = Buffer.from(texts[name]!);
      return [name, { type, body, gzip: gzipSync(body, { level: 9 }) }] as const;
    }),
  );
}

async function buildFromSource(): Promise<Record<string, Uint8Array>> {
  const { buildConsole } = await import('../../../console/build-console.mjs');
  return buildConsole(fileURLToPath(SOURCE), undefined);
}
