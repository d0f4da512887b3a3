import { createConnection } from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { openMariadbAdapter } from './open-mariadb-adapter.js';
import { createTestMariadbDatabase } from './testing/create-test-database.js';
import { seedApp, seedRoom, seedUsers } from '@chatroom/sql-store-kit/testing';

const database = await createTestMariadbDatabase();
afterAll(() => database?.drop());

describe.skipIf(!database)('mariadb: counter audit and query observer', () => {
  it('counterMismatches is empty while the counters are right, and names a counter someone broke', async () => {
    let statements = 0;
    const adapter = await openMariadbAdapter({ databaseUrl: database!.url, poolSize: 2, onQuery: () => statements++ });
    try {
      const app = await seedApp(adapter.uow);
      const [owner] = await seedUsers(adapter.uow, app, 1);
      const room = await seedRoom(adapter, app, owner!);
      expect(await adapter.counterMismatches()).toEqual([]);

      const before = statements;
      await adapter.uow.read((r) => r.chatrooms.findById(app.id, room.id));
      expect(statements - before).toBe(1);

      const raw = await createConnection({ uri: database!.url });
      await raw.query('UPDATE rooms SET member_count = 0 WHERE id = ?', [room.id]);
      await raw.end();
      expect(await adapter.counterMismatches()).toEqual([`rooms ${room.id}: 0≠1`]);
    } finally {
      await adapter.close();
    }
  });
});
