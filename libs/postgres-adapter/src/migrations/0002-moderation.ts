import type { Migration } from 'kysely';
import { statementsMigration } from './statements-migration.js';

/**
 * Members' roles, moderation and custom attributes. Everything of a room goes with it
 * (ON DELETE CASCADE to rooms), and every entry naming a user goes with the user (ON DELETE
 * CASCADE to users), so neither a dissolution nor a user deletion can leave an orphan. Lists
 * that the ports promise "in the order added" carry an identity `seq` with an index that
 * serves the listing as an index-only range scan. Memberships keep NO ACTION to users (0001):
 * their counters must be given back through the repository first.
 */
const statements = [
  `ALTER TABLE rooms ADD COLUMN announcement text NOT NULL DEFAULT ''
    CONSTRAINT rooms_announcement_check CHECK (char_length(announcement) <= 512)`,

  // Member pages (owner aside) in join order: OFFSET walks this index without touching the
  // table once the pages are all-visible, so a deep page costs about what the first does.
  `CREATE INDEX memberships_room_seq_idx ON memberships (app_id, room_id, seq) INCLUDE (username, role)`,
  // At most 99 rows per room: counting and listing admins never walks the other members.
  `CREATE INDEX memberships_admins_idx ON memberships (app_id, room_id, seq) INCLUDE (username) WHERE role = 'admin'`,

  `CREATE TABLE room_user_lists (
    app_id uuid NOT NULL,
    room_id text NOT NULL,
    list text NOT NULL CHECK (list IN ('blocklist', 'allowlist')),
    username text NOT NULL,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (app_id, room_id, list, username),
    FOREIGN KEY (app_id, room_id) REFERENCES rooms (app_id, id) ON DELETE CASCADE,
    FOREIGN KEY (app_id, username) REFERENCES users (app_id, username) ON DELETE CASCADE
  )`,
  `CREATE INDEX room_user_lists_order_idx ON room_user_lists (app_id, room_id, list, seq) INCLUDE (username)`,
  `CREATE INDEX room_user_lists_user_idx ON room_user_lists (app_id, username)`,

  // expires_at: ms since the epoch, -1 for ever. A new mute takes a new seq (it lists last).
  `CREATE TABLE mutes (
    app_id uuid NOT NULL,
    room_id text NOT NULL,
    username text NOT NULL,
    expires_at bigint NOT NULL CHECK (expires_at >= -1),
    seq bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (app_id, room_id, username),
    FOREIGN KEY (app_id, room_id) REFERENCES rooms (app_id, id) ON DELETE CASCADE,
    FOREIGN KEY (app_id, username) REFERENCES users (app_id, username) ON DELETE CASCADE
  )`,
  `CREATE INDEX mutes_order_idx ON mutes (app_id, room_id, seq) INCLUDE (username, expires_at)`,
  `CREATE INDEX mutes_user_idx ON mutes (app_id, username)`,

  // COLLATE "C": "key order" is code-unit order, whatever the database's locale.
  `CREATE TABLE room_attributes (
    app_id uuid NOT NULL,
    room_id text NOT NULL,
    key text COLLATE "C" NOT NULL CHECK (key ~ '^[A-Za-z0-9_.-]+$' AND char_length(key) <= 128),
    value text NOT NULL CHECK (char_length(value) <= 4096),
    owner text NOT NULL,
    auto_delete boolean NOT NULL,
    PRIMARY KEY (app_id, room_id, key),
    FOREIGN KEY (app_id, room_id) REFERENCES rooms (app_id, id) ON DELETE CASCADE,
    FOREIGN KEY (app_id, owner) REFERENCES users (app_id, username) ON DELETE CASCADE
  )`,
  `CREATE INDEX room_attributes_owner_idx ON room_attributes (app_id, owner)`,

  `CREATE TABLE super_admins (
    app_id uuid NOT NULL,
    username text NOT NULL,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (app_id, username),
    FOREIGN KEY (app_id, username) REFERENCES users (app_id, username) ON DELETE CASCADE
  )`,
  `CREATE INDEX super_admins_order_idx ON super_admins (app_id, seq) INCLUDE (username)`,
];

export const moderationMigration: Migration = statementsMigration(statements);
