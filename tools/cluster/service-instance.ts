import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnDetached, type ProcessRecord } from './local-process.js';
import { REPO_ROOT } from './template.js';
import { httpStatus, waitUntil } from './wait-until.js';

/** The compiled service (`npm run build`), run the way production runs it. */
export const SERVICE_MAIN = join(REPO_ROOT, 'apps/http-api/dist/main.js');

export interface ServiceInstanceSpec {
  readonly index: number;
  readonly port: number;
  /** Everything the instance gets on top of our own environment (DATABASE_URL, BOOTSTRAP_*, …). */
  readonly env: Record<string, string>;
}

/**
 * Starts one instance on 127.0.0.1:`port`; `onSpawn` gets its record as soon as the process runs.
 * Resolves when its GET /ready answers 200.
 */
export async function startServiceInstance(
  dir: string,
  spec: ServiceInstanceSpec,
  onSpawn: (record: ProcessRecord) => void = () => {},
): Promise<ProcessRecord> {
  if (!existsSync(SERVICE_MAIN)) throw new Error(`${SERVICE_MAIN} is missing: run \`npm run build\` first`);
  // The instances sit behind nginx and count proxies with TRUSTED_PROXIES; the older
  // all-or-nothing TRUST_PROXY from our own environment must not reach them.
  const { TRUST_PROXY: _ignored, ...inherited } = process.env;
  const record = await spawnDetached({
    name: `service-${spec.index}`,
    command: process.execPath,
    args: [SERVICE_MAIN],
    cwd: join(REPO_ROOT, 'apps/http-api'),
    // Our whole environment passes through (BOOTSTRAP_*, LOG_LEVEL, APP_*, TOKEN_*, …); the
    // topology's own values win where they must.
    env: { ...inherited, ...spec.env, PORT: String(spec.port), HOST: '127.0.0.1' },
    logFile: join(dir, 'logs', `service-${spec.index}.log`),
  });
  onSpawn(record);
  await waitUntil(
    `service instance ${spec.index} /ready`,
    async () => (await httpStatus(`http://127.0.0.1:${spec.port}/ready`)) === 200,
    60_000,
  );
  return record;
}
