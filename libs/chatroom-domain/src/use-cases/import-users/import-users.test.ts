import { describe, expect, it } from 'vitest';
import { InMemoryCredentialHasher } from '../../in-memory/in-memory-credential-hasher.js';
import type { RoomEvent } from '../../model/room-event.js';
import { CreateChatroom } from '../create-chatroom/create-chatroom.js';
import { TestWorld } from '../test-fixtures.js';
import { ImportUsers, NO_USABLE_PASSWORD } from './import-users.js';
import { markingImported } from './imported-events.js';

describe('ImportUsers', () => {
  it('creates only the missing users, with a stored password no password verifies against', async () => {
    const w = await TestWorld.create();
    const importUsers = new ImportUsers(w.deps);
    expect(await importUsers.execute(w.app, ['imp1', 'imp2', 'imp1'])).toEqual(['imp1', 'imp2']);
    expect(await importUsers.execute(w.app, ['imp2', 'imp3'])).toEqual(['imp3']);
    const user = await w.deps.uow.read((r) => r.users.findByUsername(w.app.id, 'imp1' as never));
    expect(user?.passwordHash).toBe(NO_USABLE_PASSWORD);
    for (const guess of ['', 'imported', '!imported', NO_USABLE_PASSWORD.slice(1)]) {
      expect(await new InMemoryCredentialHasher().verify(guess, NO_USABLE_PASSWORD)).toBe(false);
    }
  });
});

describe('markingImported', () => {
  it('marks every event its units append, and only those', async () => {
    const w = await TestWorld.create();
    await new ImportUsers(w.deps).execute(w.app, ['own1', 'own2']);
    const marked = new CreateChatroom({ ...w.deps, uow: markingImported(w.deps.uow) });
    const { id: imported } = await marked.execute(w.app, {
      name: 'n',
      description: 'd',
      owner: 'own1',
      members: ['own2'],
      created: 1234,
    });
    const { id: native } = await new CreateChatroom(w.deps).execute(w.app, {
      name: 'n',
      description: 'd',
      owner: 'own1',
    });
    const events = async (roomId: string) =>
      (await w.deps.uow.read((r) => r.eventLog.roomPage(w.app.id, roomId, 10))) as RoomEvent[];
    const importedEvents = await events(imported);
    expect(importedEvents.map((e) => [e.operation, e.payload?.['imported']])).toEqual([
      ['JOIN', true],
      ['CREATE', true],
    ]);
    expect((await events(native)).map((e) => e.payload?.['imported'])).toEqual([undefined]);
    const room = await w.deps.uow.read((r) => r.chatrooms.findById(w.app.id, imported));
    expect(room?.created).toBe(1234);
  });
});
