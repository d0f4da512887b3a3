import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { waitUntil } from '../cluster/wait-until.js';

const BIN = '/usr/lib/postgresql/15/bin';

/** uid/gid of the `postgres` OS user (PostgreSQL refuses to run as root). */
function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no `postgres` OS user: install PostgreSQL 15 (postgresql-15) first');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * A PostgreSQL 15 server of our own (initdb + pg_ctl, run as `postgres`), on 127.0.0.1:`port`
 * with its data and socket under `dir`: it can be restarted or stopped without touching any
 * other server on the machine.
 */
export class OwnPostgres {
  private constructor(
    private readonly dataDir: string,
    private readonly logFile: string,
    private readonly options: string,
    readonly port: number,
  ) {}

  static async create(dir: string, port: number): Promise<OwnPostgres> {
    const home = join(dir, 'postgres');
    mkdirSync(home, { recursive: true, mode: 0o700 });
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const { uid, gid } = postgresUser();
      chownSync(home, uid, gid);
    }
    const server = new OwnPostgres(
      join(home, 'data'),
      join(home, 'postgres.log'),
      // Our own socket folder: never the machine's /var/run/postgresql.
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${home} -c max_connections=100 -c shared_buffers=64MB`,
      port,
    );
    server.run('initdb', ['-D', server.dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions']);
    await server.start();
    return server;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  urlOf(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private run(tool: string, args: readonly string[]): void {
    const asRoot = process.getuid?.() === 0;
    const [command, argv] = asRoot
      ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', join(BIN, tool), ...args]]
      : [join(BIN, tool), args];
    execFileSync(command, argv, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: process.env.PATH, LANG: 'C.UTF-8' },
    });
  }

  async start(): Promise<void> {
    this.run('pg_ctl', ['start', '-w', '-t', '60', '-D', this.dataDir, '-l', this.logFile, '-o', this.options]);
    await this.waitAccepting();
  }

  /** `pg_ctl restart -m fast`: every session is cut, the server is back when this resolves. */
  async restart(): Promise<void> {
    this.run('pg_ctl', [
      'restart',
      '-w',
      '-t',
      '60',
      '-m',
      'fast',
      '-D',
      this.dataDir,
      '-l',
      this.logFile,
      '-o',
      this.options,
    ]);
    await this.waitAccepting();
  }

  stop(): void {
    try {
      this.run('pg_ctl', ['stop', '-w', '-t', '30', '-m', 'fast', '-D', this.dataDir]);
    } catch {
      // Not running.
    }
  }

  private waitAccepting(): Promise<void> {
    return waitUntil(
      `PostgreSQL on ${this.port}`,
      async () => {
        const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 1_000 });
        try {
          await client.connect();
          return true;
        } finally {
          await client.end().catch(() => {});
        }
      },
      60_000,
    );
  }
}
