import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * A new PGlite data directory normally starts with initdb inside WebAssembly: ≈ 5 s and ≈ 700 MB
 * of RSS on our 2-core machines (20 s under load), every first start and every `memory://`
 * store. Instead, the first in-memory store made on a machine (`npm run build` makes one, and so
 * does the first test) dumps itself, freshly migrated and still empty, into
 * `node_modules/.cache/chatroom-pglite/`, and every later new store, in memory or in a data
 * directory, starts from that tarball (≈ 4× faster, half the memory). The file name carries the PGlite version and the
 * migration names, so a new PGlite or a new migration makes a new template; a template that
 * cannot be read or written is simply not used.
 */
export class PgliteTemplate {
  private constructor(readonly path: string | null) {}

  /** The template for this PGlite and this list of migrations. */
  static for(migrationNames: readonly string[]): PgliteTemplate {
    try {
      const require = createRequire(import.meta.url);
      const entry = require.resolve('@electric-sql/pglite');
      const packageDir = entry.slice(
        0,
        entry.lastIndexOf(join('@electric-sql', 'pglite')) + join('@electric-sql', 'pglite').length,
      );
      const nodeModules = dirname(dirname(packageDir));
      const version = (require(join(packageDir, 'package.json')) as { version: string }).version;
      const schema = createHash('sha256').update(migrationNames.join('\n')).digest('hex').slice(0, 12);
      return new PgliteTemplate(join(nodeModules, '.cache', 'chatroom-pglite', `pglite-${version}-${schema}.tar.gz`));
    } catch {
      return new PgliteTemplate(null);
    }
  }

  /** Whether `dataDir` holds no database yet (then it may start from the template). */
  static isNew(dataDir: string): boolean {
    return dataDir === 'memory://' || !existsSync(join(dataDir, 'PG_VERSION'));
  }

  async read(): Promise<Blob | null> {
    if (!this.path) return null;
    try {
      return new Blob([await readFile(this.path)]);
    } catch {
      return null;
    }
  }

  /** Written aside then renamed, so a reader never sees half a file. */
  async write(dump: Blob): Promise<void> {
    if (!this.path) return;
    const draft = `${this.path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFile(draft, Buffer.from(await dump.arrayBuffer()));
      await rename(draft, this.path);
    } catch {
      // A read-only node_modules (an image): start without the template.
    }
  }
}
