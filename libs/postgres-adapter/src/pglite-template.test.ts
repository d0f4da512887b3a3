import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationNames } from './migrator.js';
import { openPostgresAdapter } from './open-postgres-adapter.js';
import { PgliteTemplate } from './pglite-template.js';
import { seedApp } from '@chatroom/sql-store-kit/testing';

describe('the PGlite template for new stores', () => {
  it('is named for the PGlite version and the migrations, so a new migration makes a new one', () => {
    const now = PgliteTemplate.for(migrationNames()).path!;
    expect(now).toMatch(/node_modules\/\.cache\/chatroom-pglite\/pglite-\d+\.\d+\.\d+-[0-9a-f]{12}\.tar\.gz$/);
    expect(PgliteTemplate.for([...migrationNames(), '9999-next']).path).not.toBe(now);
  });

  it('an in-memory store leaves it; a new data directory starts from it migrated and empty, and keeps what is written', async () => {
    const first = await openPostgresAdapter({ dataDir: 'memory://' });
    await first.close();
    expect(existsSync(PgliteTemplate.for(migrationNames()).path!)).toBe(true);

    const dataDir = await mkdtemp(join(tmpdir(), 'chatroom-template-'));
    try {
      expect(PgliteTemplate.isNew(dataDir)).toBe(true);
      const store = await openPostgresAdapter({ dataDir });
      let app;
      try {
        expect(await store.isReady()).toBe(true);
        expect(await store.uow.read((r) => r.apps.count())).toBe(0);
        app = await seedApp(store.uow);
      } finally {
        await store.close();
      }
      expect(PgliteTemplate.isNew(dataDir)).toBe(false);
      expect(existsSync(join(dataDir, 'chatroom.lock'))).toBe(false);
      const again = await openPostgresAdapter({ dataDir });
      try {
        expect(await again.uow.read((r) => r.apps.findByName(app.org, app.name))).toEqual(app);
      } finally {
        await again.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
