import { describe, expect, it } from 'vitest';
import { spawnService } from '../testing/spawn-service.js';

describe('a production start (DATABASE_URL) never serves /metrics openly', () => {
  it('without METRICS_TOKEN or METRICS_PORT it refuses to start, exit 2, saying what to set', async () => {
    // Refused before any connection is tried: the database need not exist.
    const started = spawnService({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', METRICS_TOKEN: '' });
    await expect(started).rejects.toThrow(
      /^service exited with 2: invalid configuration:\n {2}- METRICS_TOKEN or METRICS_PORT must be set when DATABASE_URL is: \/metrics is not served openly in production;/,
    );
  }, 30_000);

  it('the same on MariaDB', async () => {
    const started = spawnService({ DATABASE_URL: 'mysql://nobody@127.0.0.1:1/none', METRICS_TOKEN: '' });
    await expect(started).rejects.toThrow(
      /^service exited with 2: invalid configuration:\n {2}- METRICS_TOKEN or METRICS_PORT must be set/,
    );
  }, 30_000);
});
