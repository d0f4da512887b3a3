import { DEFAULT_APP_SETTINGS, type App } from '@chatroom/domain';
import { describe, expect, it } from 'vitest';
import { appRow, toApp } from './app-rows.js';
import { roomPatchColumns } from './room-rows.js';

describe('the shared row mappers', () => {
  it('an app stored as its row reads back as the same app', () => {
    const app: App = {
      id: 'id-1',
      org: 'org',
      name: 'app',
      clientId: 'client',
      clientSecretHash: 'hash',
      tokenKey: 'key',
      keyGeneration: 3,
      settings: { ...DEFAULT_APP_SETTINGS, roomQuota: 7, rateLimit: { perSecond: 25 } },
      created: 1_700_000_000_000,
    };
    const row = { ...appRow(app), room_count: 0 };
    expect(row.rate_limit).toBe('25');
    expect(toApp(row)).toEqual(app);
  });

  it('a patch sets only the columns it names, and none when it names none', () => {
    expect(roomPatchColumns({ maxUsers: 10, muteAll: true })).toEqual({ max_users: 10, mute_all: true });
    expect(roomPatchColumns({})).toEqual({});
  });
});
