import type { App } from './app.js';
import type { Chatroom } from './chatroom.js';
import type { UserId } from './user-id.js';

/**
 * A state change of a chat room, as Easemob's post-sending callbacks (`group_op_event`,
 * `type: "CHATROOM"`) describe it: `operation` and `payload` are the reference's wire values
 * (docs/contract/easemob-callbacks.md, "Room events"). `METADATA` is ours: Easemob documents no
 * new-format event for custom attributes, and receivers dispatching strictly ignore it.
 * Envelope fields that belong to one delivery (callId, security, appkey, timestamp) are added
 * by the publisher; the completion time is stamped by the outbox when it stores the event.
 */
export interface RoomEvent {
  readonly appId: string;
  readonly org: string;
  readonly app: string;
  /** `""` for `ROOM_SUPER_ADMIN` (app-wide), as the reference sends it. */
  readonly roomId: string;
  readonly operation: RoomEventOperation;
  /** The acting user, or `@ppAdmin` when the app admin acted (every REST call). */
  readonly operator: string;
  /** Absent for `DELETE` (room destroyed), as the reference sends it. */
  readonly payload?: Readonly<Record<string, unknown>>;
  /**
   * The room's member count after the change: on `JOIN` and on `LEAVE` other than
   * `LEAVE/DELETE` only (the reference's top-level `member_count`, §3). Taken from the
   * statement that changed the counter, so it is exact under concurrent changes.
   */
  readonly memberCount?: number;
}

/** An event as the outbox stored it. */
export interface StoredRoomEvent extends RoomEvent {
  /** UUID, unique per event; the publisher's `callId` suffix and `X-Chatroom-Event-Id`. */
  readonly id: string;
  /** Store-wide order of commit for the events of one room. */
  readonly seq: number;
  /** Epoch ms at which the change completed (stored with it). */
  readonly timestamp: number;
}

export type RoomEventOperation =
  | 'CREATE'
  | 'DELETE'
  | 'UPDATE'
  | 'JOIN'
  | 'LEAVE'
  | 'ADMIN'
  | 'MUTE'
  | 'BLOCK'
  | 'WHITE'
  | 'ROOM_SUPER_ADMIN'
  | 'METADATA';

export const ROOM_EVENT_OPERATIONS: readonly RoomEventOperation[] = [
  'CREATE',
  'DELETE',
  'UPDATE',
  'JOIN',
  'LEAVE',
  'ADMIN',
  'MUTE',
  'BLOCK',
  'WHITE',
  'ROOM_SUPER_ADMIN',
  'METADATA',
];

/** The operator of every REST call: the app admin. */
export const APP_ADMIN_OPERATOR = '@ppAdmin';

/** Why members left a room (`LEAVE` payload types); `DELETE` (room destroyed) is `dissolved`'s. */
export type LeaveReason = 'KICK' | 'BLOCK';

/**
 * The events each use case emits. One event per request with the users in arrays, as the
 * reference's examples show; nothing is emitted for a change that changed nothing (an empty
 * user list).
 */
export const roomEvents = {
  /** `memberCount`: the room's count after the members were placed in (the JOIN's). */
  created(app: App, room: Chatroom, members: readonly UserId[], memberCount: number | undefined): RoomEvent[] {
    const created = base(app, room.id, 'CREATE', {
      role: { [room.owner]: 'owner' },
      member: [...members],
      info: roomInfo(app, room),
    });
    return [created, ...roomEvents.joined(app, room.id, members, memberCount)];
  },
  updated(app: App, room: Chatroom): RoomEvent {
    return base(app, room.id, 'UPDATE', { type: 'INFO', info: roomInfo(app, room) });
  },
  /** The `INFO` update before its `info`, which the store sets to the room as modified (`roomInfo`). */
  infoUpdated(app: App, roomId: string): RoomEvent {
    return base(app, roomId, 'UPDATE', { type: 'INFO' });
  },
  announcement(app: App, roomId: string, text: string): RoomEvent {
    // Cleared: the key is omitted (E5).
    return base(
      app,
      roomId,
      'UPDATE',
      text === '' ? { type: 'ANNOUNCEMENT' } : { type: 'ANNOUNCEMENT', announcement: text },
    );
  },
  transferred(app: App, roomId: string, from: UserId, to: UserId): RoomEvent {
    return base(app, roomId, 'UPDATE', { owner: from, new_owner: to, type: 'OWNER' });
  },
  muteAll(app: App, roomId: string, on: boolean): RoomEvent {
    return base(app, roomId, 'UPDATE', { mute: on, type: 'MUTE' });
  },
  /** E2 then E12: the room is gone, and so are its members (owner included); no count (none shown). */
  dissolved(app: App, roomId: string, members: readonly UserId[]): RoomEvent[] {
    const gone = base(app, roomId, 'DELETE');
    return members.length > 0 ? [gone, base(app, roomId, 'LEAVE', { member: [...members], type: 'DELETE' })] : [gone];
  },
  /** `memberCount`: the room's count after the addition, as the store's `add` returned it. */
  joined(app: App, roomId: string, members: readonly UserId[], memberCount: number | undefined): RoomEvent[] {
    return nonEmpty(members, () =>
      counted(base(app, roomId, 'JOIN', { member: [...members], type: 'DIRECT' }), memberCount),
    );
  },
  /** `memberCount`: the room's count after the removal, as the store's `remove` returned it. */
  left(
    app: App,
    roomId: string,
    members: readonly UserId[],
    reason: LeaveReason,
    memberCount: number | undefined,
  ): RoomEvent[] {
    return nonEmpty(members, () =>
      counted(base(app, roomId, 'LEAVE', { member: [...members], type: reason }), memberCount),
    );
  },
  admins(app: App, roomId: string, users: readonly UserId[], change: 'ADD' | 'REMOVE'): RoomEvent[] {
    return nonEmpty(users, () => base(app, roomId, 'ADMIN', { admin: [...users], type: change }));
  },
  muted(app: App, roomId: string, users: readonly UserId[], expiresAt: number): RoomEvent[] {
    return nonEmpty(users, () =>
      base(app, roomId, 'MUTE', { member: [...users], expire_timestamp: expiresAt, type: 'ADD' }),
    );
  },
  unmuted(app: App, roomId: string, users: readonly UserId[]): RoomEvent[] {
    return nonEmpty(users, () => base(app, roomId, 'MUTE', { member: [...users], type: 'REMOVE' }));
  },
  /** Our blocklist has no expiry: the reference's "never" sentinel (2117-01-01) is sent. */
  blocked(app: App, roomId: string, users: readonly UserId[]): RoomEvent[] {
    return nonEmpty(users, () =>
      base(app, roomId, 'BLOCK', { member: [...users], expire_timestamp: BLOCK_FOREVER, type: 'ADD' }),
    );
  },
  listRemoved(app: App, roomId: string, list: 'blocklist' | 'allowlist', users: readonly UserId[]): RoomEvent[] {
    const operation = list === 'blocklist' ? 'BLOCK' : 'WHITE';
    return nonEmpty(users, () => base(app, roomId, operation, { member: [...users], type: 'REMOVE' }));
  },
  allowed(app: App, roomId: string, users: readonly UserId[]): RoomEvent[] {
    return nonEmpty(users, () => base(app, roomId, 'WHITE', { member: [...users], type: 'ADD' }));
  },
  superAdmin(app: App, user: UserId, change: 'ADD' | 'REMOVE'): RoomEvent {
    return base(app, '', 'ROOM_SUPER_ADMIN', { admin: [user], type: change });
  },
  attributesSet(app: App, roomId: string, user: UserId, properties: Record<string, string>): RoomEvent[] {
    const keys = Object.keys(properties);
    return nonEmpty(keys, () => base(app, roomId, 'METADATA', { type: 'SET', user, properties }));
  },
  attributesDeleted(app: App, roomId: string, user: UserId, keys: readonly string[]): RoomEvent[] {
    return nonEmpty(keys, () => base(app, roomId, 'METADATA', { type: 'DELETE', user, keys: [...keys] }));
  },
  /** `attributesSet` before its `properties`, which the store sets to the attributes it set. */
  attributesSetBy(app: App, roomId: string, user: UserId): RoomEvent {
    return base(app, roomId, 'METADATA', { type: 'SET', user, properties: {} });
  },
  /** `attributesDeleted` before its `keys`, which the store sets to the keys it deleted. */
  attributesDeletedBy(app: App, roomId: string, user: UserId): RoomEvent {
    return base(app, roomId, 'METADATA', { type: 'DELETE', user, keys: [] });
  },
};

/** The reference's blocklist `expire_timestamp` sample: 2117-01-01 00:00 UTC+8, read as "never". */
export const BLOCK_FOREVER = 4638873600000;

function base(app: App, roomId: string, operation: RoomEventOperation, payload?: Record<string, unknown>): RoomEvent {
  return {
    appId: app.id,
    org: app.org,
    app: app.name,
    roomId,
    operation,
    operator: APP_ADMIN_OPERATOR,
    ...(payload && { payload }),
  };
}

/** Stores return the count whenever someone joined or left; the event carries it as given. */
function counted(event: RoomEvent, memberCount: number | undefined): RoomEvent {
  return memberCount === undefined ? event : { ...event, memberCount };
}

function nonEmpty(items: readonly unknown[], make: () => RoomEvent): RoomEvent[] {
  return items.length > 0 ? [make()] : [];
}

/**
 * The `info` snapshot of E1/E3, with the sample's string values. `last_modified` is left to
 * the publisher, which knows the event's completion time. A store that writes an `INFO` event in
 * its own statement (PostgreSQL's modify) builds the same object there.
 */
/** The parts of a room's `info` that no room changes (Easemob's fixed answers). */
export const ROOM_INFO_FIXED = {
  avatar: '',
  invite_need_confirm: 'false',
  public: 'true',
  allow_user_invites: 'false',
  disabled: 'false',
} as const;

export function roomInfo(app: Pick<App, 'org' | 'name'>, room: Chatroom): Record<string, unknown> {
  return {
    owner: `${app.org}#${app.name}_${room.owner}`,
    created: String(room.created),
    custom: room.custom,
    description: room.description,
    mute: String(room.muteAll),
    mute_duration: room.muteAll ? -1 : 0,
    title: room.name,
    max_users: String(room.maxUsers),
    ...ROOM_INFO_FIXED,
  };
}
