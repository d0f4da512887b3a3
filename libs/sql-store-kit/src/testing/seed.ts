import {
  DEFAULT_APP_SETTINGS,
  type App,
  type AppSettings,
  type Chatroom,
  type UnitOfWork,
  type User,
  type UserId,
} from '@chatroom/domain';
import { randomUUID } from 'node:crypto';

let counter = 0;

/** Stores a new app with its own org/name. */
export function seedApp(uow: UnitOfWork, settings: Partial<AppSettings> = {}): Promise<App> {
  const suffix = `${process.pid}-${++counter}-${randomUUID().slice(0, 8)}`;
  return uow.write((r) =>
    r.apps.upsert({
      id: randomUUID(),
      org: `org-${suffix}`,
      name: `app-${suffix}`,
      clientId: `client-${suffix}`,
      clientSecretHash: 'hash',
      tokenKey: 'key',
      keyGeneration: 0,
      settings: { ...DEFAULT_APP_SETTINGS, ...settings },
      created: Date.now(),
    }),
  );
}

/** Stores users `${prefix}0` … `${prefix}${count - 1}`. */
export async function seedUsers(uow: UnitOfWork, app: App, count: number, prefix = 'user'): Promise<UserId[]> {
  const users: User[] = Array.from({ length: count }, (_, i) => ({
    appId: app.id,
    username: `${prefix}${i}` as UserId,
    uuid: randomUUID(),
    passwordHash: 'hash',
    nickname: null,
    created: Date.now(),
    modified: Date.now(),
  }));
  for (let i = 0; i < users.length; i += 1000) {
    await uow.write((r) => r.users.insertMany(users.slice(i, i + 1000)));
  }
  return users.map((u) => u.username);
}

/** A room with its owner, as the create use case stores it. */
export async function seedRoom(
  store: { uow: UnitOfWork; ids: { next(): Promise<number> } },
  app: App,
  owner: UserId,
  maxUsers = 1000,
): Promise<Chatroom> {
  return store.uow.write(async (r) => {
    const seq = await r.ids.next();
    const room: Chatroom = {
      appId: app.id,
      id: String(seq),
      seq,
      name: `room ${seq}`,
      description: '',
      maxUsers,
      owner,
      custom: '',
      created: Date.now(),
      muteAll: false,
      memberCount: 0,
    };
    if ((await r.chatrooms.insert(room, app.settings.roomQuota)) !== 'inserted') throw new Error('insert refused');
    const added = await r.memberships.add(app.id, room.id, [owner], 'owner', app.settings.joinedRoomCap);
    if (!added.ok) throw new Error(`owner refused: ${added.reason}`);
    return { ...room, memberCount: 1 };
  });
}

/** Thrown to roll a unit back when the store refuses, as the ports require of callers. */
export class Refused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
