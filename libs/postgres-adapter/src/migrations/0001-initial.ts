import type { Migration } from 'kysely';
import { statementsMigration } from './statements-migration.js';

/**
 * The seed's tables. The constraints hold the domain's invariants even against a buggy caller:
 * one membership per user and room (PK), one owner per room (partial unique index), member
 * count never above maxusers (CHECK), counters never negative (CHECK), memberships gone with
 * their room (CASCADE), and no user deleted while still a member (NO ACTION: the caller must
 * remove the memberships first, through the repository, so that room counters stay true).
 */
const statements = [
  // Room ids and creation order: a 15-digit number like Easemob's. CACHE 1 (the default) keeps
  // values increasing across sessions, which a per-session cache would not.
  `CREATE SEQUENCE room_seq AS bigint START WITH 100000000000001 CACHE 1`,

  `CREATE TABLE apps (
    id uuid PRIMARY KEY,
    org text NOT NULL CHECK (org ~ '^[A-Za-z0-9_.-]{1,64}$'),
    name text NOT NULL CHECK (name ~ '^[A-Za-z0-9_.-]{1,64}$'),
    client_id text NOT NULL CHECK (client_id <> ''),
    client_secret_hash text NOT NULL CHECK (client_secret_hash <> ''),
    token_key text NOT NULL CHECK (token_key <> ''),
    room_quota integer NOT NULL CHECK (room_quota >= 0),
    joined_room_cap integer NOT NULL CHECK (joined_room_cap >= 0),
    max_users_ceiling integer NOT NULL CHECK (max_users_ceiling >= 1),
    custom_room_ids boolean NOT NULL,
    room_count integer NOT NULL DEFAULT 0 CHECK (room_count >= 0),
    created bigint NOT NULL,
    CONSTRAINT apps_org_name_key UNIQUE (org, name)
  )`,

  `CREATE TABLE users (
    app_id uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    username text NOT NULL CHECK (username ~ '^[a-z0-9_.-]+$' AND octet_length(username) <= 64),
    uuid uuid NOT NULL,
    password_hash text NOT NULL,
    nickname text CHECK (char_length(nickname) <= 100),
    joined_count integer NOT NULL DEFAULT 0 CHECK (joined_count >= 0),
    created bigint NOT NULL,
    modified bigint NOT NULL,
    PRIMARY KEY (app_id, username)
  )`,

  // No foreign key on owner: the owner's membership (below) already ties the owner to a user.
  `CREATE TABLE rooms (
    app_id uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    id text NOT NULL CHECK (id ~ '^[a-z0-9]{1,64}$'),
    seq bigint NOT NULL CHECK (seq > 0),
    name text NOT NULL CHECK (char_length(name) <= 128),
    description text NOT NULL CHECK (char_length(description) <= 512),
    max_users integer NOT NULL CHECK (max_users >= 1),
    owner text NOT NULL CHECK (owner ~ '^[a-z0-9_.-]+$' AND octet_length(owner) <= 64),
    custom text NOT NULL CHECK (octet_length(custom) <= 8192),
    created bigint NOT NULL,
    mute_all boolean NOT NULL DEFAULT false,
    member_count integer NOT NULL DEFAULT 0,
    PRIMARY KEY (app_id, id),
    CONSTRAINT rooms_member_count_check CHECK (member_count BETWEEN 0 AND max_users)
  )`,
  // Keyset paging, newest first: a page deep in a million rooms is one index range scan.
  `CREATE UNIQUE INDEX rooms_app_seq_idx ON rooms (app_id, seq DESC)`,
  `CREATE INDEX rooms_app_owner_idx ON rooms (app_id, owner)`,

  `CREATE TABLE memberships (
    app_id uuid NOT NULL,
    room_id text NOT NULL,
    username text NOT NULL,
    role text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    seq bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (app_id, room_id, username),
    FOREIGN KEY (app_id, room_id) REFERENCES rooms (app_id, id) ON DELETE CASCADE,
    FOREIGN KEY (app_id, username) REFERENCES users (app_id, username)
  )`,
  `CREATE UNIQUE INDEX memberships_one_owner_idx ON memberships (app_id, room_id) WHERE role = 'owner'`,
  // Joined rooms newest first, removal from every room, and the users foreign key's checks.
  `CREATE INDEX memberships_user_idx ON memberships (app_id, username, seq DESC)`,
];

export const initialMigration: Migration = statementsMigration(statements);
