import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnService } from '../testing/spawn-service.js';

describe('Ctrl-C on the service', () => {
  it('a second SIGINT while stopping (the terminal sends one, npm forwards another) still ends cleanly: exit 0, "stopped", lock released', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'chatroom-interrupt-'));
    try {
      const service = await spawnService({ DATA_DIR: dataDir, TOKEN_MASTER_KEY: '' });
      expect(existsSync(join(dataDir, 'chatroom.lock'))).toBe(true);
      const exited = once(service.child, 'exit');
      service.child.kill('SIGINT');
      let output = '';
      await new Promise<void>((resolve) => {
        service.child.stdout!.on('data', (chunk) => {
          output += chunk;
          if (output.includes('shutting down')) resolve();
        });
      });
      service.child.kill('SIGINT');
      const [code, signal] = await exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(output).toContain('"msg":"stopped"');
      expect(existsSync(join(dataDir, 'chatroom.lock'))).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
