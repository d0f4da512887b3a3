import type { Generated } from 'kysely';

/**
 * The tables as kysely sees them. Every bigint column is parsed to a JS number by both
 * dialects (see pg-dialect.ts and pglite-dialect.ts): all our values stay below 2^53.
 */
export interface Database {
  apps: AppsTable;
  users: UsersTable;
  rooms: RoomsTable;
  memberships: MembershipsTable;
  room_user_lists: RoomUserListsTable;
  mutes: MutesTable;
  room_attributes: RoomAttributesTable;
  super_admins: SuperAdminsTable;
  room_events: RoomEventsTable;
  event_rules: EventRulesTable;
  event_deliveries: EventDeliveriesTable;
  idempotency_keys: IdempotencyKeysTable;
}

export interface AppsTable {
  id: string;
  org: string;
  name: string;
  client_id: string;
  client_secret_hash: string;
  token_key: string;
  room_quota: number;
  joined_room_cap: number;
  max_users_ceiling: number;
  custom_room_ids: boolean;
  /** 'off', 'easemob' or a per-second number as text (migration 0003). */
  rate_limit: Generated<string>;
  key_generation: Generated<number>;
  /** Guarded counter: the number of rooms of the app (see kysely-chatroom-repository.ts). */
  room_count: Generated<number>;
  created: number;
}

export interface UsersTable {
  app_id: string;
  username: string;
  uuid: string;
  password_hash: string;
  nickname: string | null;
  /** Guarded counter: the number of rooms the user belongs to. */
  joined_count: Generated<number>;
  created: number;
  modified: number;
}

export interface RoomsTable {
  app_id: string;
  id: string;
  seq: number;
  name: string;
  description: string;
  max_users: number;
  owner: string;
  custom: string;
  created: number;
  mute_all: Generated<boolean>;
  /** Guarded counter: the number of memberships of the room, owner included. */
  /** Bumped by every block (see migration 0012). */
  block_seq: Generated<number>;
  member_count: Generated<number>;
  announcement: Generated<string>;
}

export interface MembershipsTable {
  app_id: string;
  room_id: string;
  username: string;
  role: 'owner' | 'admin' | 'member';
  /** Join order, from an identity column. */
  seq: Generated<number>;
}

export interface RoomUserListsTable {
  app_id: string;
  room_id: string;
  list: 'blocklist' | 'allowlist';
  username: string;
  /** The order users were put on the list. */
  seq: Generated<number>;
}

export interface MutesTable {
  app_id: string;
  room_id: string;
  username: string;
  /** Milliseconds since the epoch; -1 for a permanent mute. */
  expires_at: number;
  /** The order the mutes were set: a new mute of the same user takes a new one. */
  seq: Generated<number>;
}

export interface RoomAttributesTable {
  app_id: string;
  room_id: string;
  key: string;
  value: string;
  owner: string;
  auto_delete: boolean;
}

export interface SuperAdminsTable {
  app_id: string;
  username: string;
  /** The order they were made super admins. */
  seq: Generated<number>;
}

export interface RoomEventsTable {
  seq: Generated<number>;
  id: Generated<string>;
  app_id: string;
  org: string;
  app: string;
  room_id: string;
  operation: string;
  operator: string;
  payload: unknown;
  created_at: number;
  /** The room's member count after a JOIN or LEAVE (not LEAVE/DELETE); NULL otherwise (0007). */
  member_count: number | null;
}

export interface EventRulesTable {
  id: string;
  app_id: string;
  kind: string;
  target: string;
  secret: string;
  operations: string[] | null;
  created: number;
}

export interface EventDeliveriesTable {
  rule_id: string;
  event_seq: number;
  room_id: string;
  state: Generated<string>;
  attempts: Generated<number>;
  next_at: number;
  lease_until: number | null;
  last_error: string | null;
}

export interface IdempotencyKeysTable {
  app_id: string;
  key: string;
  fingerprint: string;
  status: number;
  body: string;
  created_at: number;
}
