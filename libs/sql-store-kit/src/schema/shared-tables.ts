import type { Generated, Kysely } from 'kysely';

/**
 * The tables both SQL stores lay out alike, as kysely sees them. Each store's schema adds the
 * tables whose column types its dialect makes different (events, rules, deliveries) and says
 * how its driver parses bigint and boolean columns to these JS types.
 */
export interface SharedDatabase {
  apps: AppsTable;
  users: UsersTable;
  rooms: RoomsTable;
  memberships: MembershipsTable;
  room_user_lists: RoomUserListsTable;
  mutes: MutesTable;
  room_attributes: RoomAttributesTable;
  super_admins: SuperAdminsTable;
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
  /** 'off', 'easemob' or a per-second number as text. */
  rate_limit: Generated<string>;
  /** Raised by rotation or revocation; tokens carry it. */
  key_generation: Generated<number>;
  /** Guarded counter: the number of rooms of the app (kept by each store's chatroom repository). */
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
  member_count: Generated<number>;
  announcement: Generated<string>;
}

export interface MembershipsTable {
  app_id: string;
  room_id: string;
  username: string;
  role: 'owner' | 'admin' | 'member';
  /** Join order: an identity column on PostgreSQL, AUTO_INCREMENT on MariaDB. */
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

export interface IdempotencyKeysTable {
  app_id: string;
  key: string;
  fingerprint: string;
  status: number;
  body: string;
  created_at: number;
}

/**
 * A store's handle seen through the tables the kit reads. Kysely is invariant in its database
 * type, so a store's `Kysely<Database>` is not a `Kysely<SharedDatabase>` to the compiler even
 * though it holds every shared table with the same columns; the `DB extends SharedDatabase` bound
 * is what checks that, and TypeScript's variance cache is what made the plain assignment pass in
 * one program and fail in another.
 */
export function sharedTables<DB extends SharedDatabase>(db: Kysely<DB>): Kysely<SharedDatabase> {
  return db as unknown as Kysely<SharedDatabase>;
}
