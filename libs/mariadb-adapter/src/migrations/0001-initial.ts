import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Every table, in the shape the PostgreSQL adapter reaches after its 0001 and 0002. The
 * constraints hold the domain's invariants even against a buggy caller: one membership per
 * user and room (PK), one owner per room (a unique key over a generated column that is NULL
 * for everyone but the owner: MariaDB has no partial indexes, and a UNIQUE key admits any
 * number of NULLs), member count never above maxusers and counters never negative (CHECK),
 * everything of a room gone with it and everything naming a user gone with them (ON DELETE
 * CASCADE), and no user deleted while still a member (memberships → users has no cascade: the
 * repository must give their counters back first).
 *
 * Every text column is utf8mb4 with the utf8mb4_nopad_bin collation: comparisons are by code
 * point (case-sensitive, trailing spaces significant), so unique keys and `ORDER BY key` mean
 * what the domain means (for the ASCII keys and names it allows, code-point order is
 * code-unit order). DDL commits implicitly in MariaDB: a migration is not atomic, which is
 * why the migrator runs it under a lock (see migrator.ts).
 */
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin';

const statements = [
  // Room ids and creation order: a 15-digit number like Easemob's. A sequence's cache lives in
  // the server and is shared by every connection, so values increase in the order they are
  // drawn across all instances; a restart skips the unused cached values (never reuses them).
  `CREATE SEQUENCE room_seq START WITH 100000000000001 INCREMENT BY 1`,
  // The order mutes were set: a replaced mute draws a new value in the same statement.
  `CREATE SEQUENCE mute_seq START WITH 1 INCREMENT BY 1`,

  `CREATE TABLE apps (
    id CHAR(36) NOT NULL PRIMARY KEY,
    org VARCHAR(64) NOT NULL CHECK (org REGEXP '^[A-Za-z0-9_.-]{1,64}$'),
    name VARCHAR(64) NOT NULL CHECK (name REGEXP '^[A-Za-z0-9_.-]{1,64}$'),
    client_id VARCHAR(255) NOT NULL CHECK (client_id <> ''),
    client_secret_hash TEXT NOT NULL CHECK (client_secret_hash <> ''),
    token_key TEXT NOT NULL CHECK (token_key <> ''),
    room_quota INT NOT NULL CHECK (room_quota >= 0),
    joined_room_cap INT NOT NULL CHECK (joined_room_cap >= 0),
    max_users_ceiling INT NOT NULL CHECK (max_users_ceiling >= 1),
    custom_room_ids BOOLEAN NOT NULL,
    room_count INT NOT NULL DEFAULT 0 CHECK (room_count >= 0),
    created BIGINT NOT NULL,
    UNIQUE KEY apps_org_name_key (org, name)
  ) ${TABLE_OPTIONS}`,

  `CREATE TABLE users (
    app_id CHAR(36) NOT NULL,
    username VARCHAR(64) NOT NULL CHECK (username REGEXP '^[a-z0-9_.-]+$'),
    uuid CHAR(36) NOT NULL,
    password_hash TEXT NOT NULL,
    nickname VARCHAR(100) NULL,
    joined_count INT NOT NULL DEFAULT 0 CHECK (joined_count >= 0),
    created BIGINT NOT NULL,
    modified BIGINT NOT NULL,
    PRIMARY KEY (app_id, username),
    CONSTRAINT users_app_fk FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE
  ) ${TABLE_OPTIONS}`,

  // No foreign key on owner: the owner's membership already ties the owner to a user.
  `CREATE TABLE rooms (
    app_id CHAR(36) NOT NULL,
    id VARCHAR(64) NOT NULL CHECK (id REGEXP '^[a-z0-9]{1,64}$'),
    seq BIGINT NOT NULL CHECK (seq > 0),
    name VARCHAR(128) NOT NULL,
    description VARCHAR(512) NOT NULL,
    max_users INT NOT NULL CHECK (max_users >= 1),
    owner VARCHAR(64) NOT NULL CHECK (owner REGEXP '^[a-z0-9_.-]+$'),
    custom TEXT NOT NULL CHECK (octet_length(custom) <= 8192),
    created BIGINT NOT NULL,
    mute_all BOOLEAN NOT NULL DEFAULT FALSE,
    member_count INT NOT NULL DEFAULT 0,
    announcement VARCHAR(512) NOT NULL DEFAULT '',
    PRIMARY KEY (app_id, id),
    -- Keyset paging, newest first: InnoDB reads this index backwards from the cursor.
    UNIQUE KEY rooms_app_seq_idx (app_id, seq),
    KEY rooms_app_owner_idx (app_id, owner),
    CONSTRAINT rooms_member_count_check CHECK (member_count BETWEEN 0 AND max_users),
    CONSTRAINT rooms_app_fk FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE
  ) ${TABLE_OPTIONS}`,

  `CREATE TABLE memberships (
    app_id CHAR(36) NOT NULL,
    room_id VARCHAR(64) NOT NULL,
    username VARCHAR(64) NOT NULL,
    role VARCHAR(6) NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    seq BIGINT NOT NULL AUTO_INCREMENT,
    owner_mark TINYINT AS (IF(role = 'owner', 1, NULL)) PERSISTENT,
    PRIMARY KEY (app_id, room_id, username),
    UNIQUE KEY memberships_seq_key (seq),
    UNIQUE KEY memberships_one_owner_idx (app_id, room_id, owner_mark),
    -- Member pages and admins in join order, affiliations of many rooms.
    KEY memberships_room_seq_idx (app_id, room_id, seq, role),
    -- Joined rooms newest first, removal from every room, the users foreign key.
    KEY memberships_user_idx (app_id, username, seq),
    CONSTRAINT memberships_room_fk FOREIGN KEY (app_id, room_id) REFERENCES rooms (app_id, id) ON DELETE CASCADE,
    CONSTRAINT memberships_user_fk FOREIGN KEY (app_id, username) REFERENCES users (app_id, username)
  ) ${TABLE_OPTIONS}`,

  `CREATE TABLE room_user_lists (
    app_id CHAR(36) NOT NULL,
    room_id VARCHAR(64) NOT NULL,
    list VARCHAR(9) NOT NULL CHECK (list IN ('blocklist', 'allowlist')),
    username VARCHAR(64) NOT NULL,
    seq BIGINT NOT NULL AUTO_INCREMENT,
    PRIMARY KEY (app_id, room_id, list, username),
    UNIQUE KEY room_user_lists_seq_key (seq),
    KEY room_user_lists_order_idx (app_id, room_id, list, seq),
    KEY room_user_lists_user_idx (app_id, username),
    CONSTRAINT room_user_lists_room_fk FOREIGN KEY (app_id, room_id) REFERENCES rooms (app_id, id) ON DELETE CASCADE,
    CONSTRAINT room_user_lists_user_fk FOREIGN KEY (app_id, username) REFERENCES users (app_id, username) ON DELETE CASCADE
  ) ${TABLE_OPTIONS}`,

  // expires_at: ms since the epoch, -1 for ever.
  `CREATE TABLE mutes (
    app_id CHAR(36) NOT NULL,
    room_id VARCHAR(64) NOT NULL,
    username VARCHAR(64) NOT NULL,
    expires_at BIGINT NOT NULL CHECK (expires_at >= -1),
    seq BIGINT NOT NULL DEFAULT (NEXT VALUE FOR mute_seq),
    PRIMARY KEY (app_id, room_id, username),
    KEY mutes_order_idx (app_id, room_id, seq),
    KEY mutes_user_idx (app_id, username),
    CONSTRAINT mutes_room_fk FOREIGN KEY (app_id, room_id) REFERENCES rooms (app_id, id) ON DELETE CASCADE,
    CONSTRAINT mutes_user_fk FOREIGN KEY (app_id, username) REFERENCES users (app_id, username) ON DELETE CASCADE
  ) ${TABLE_OPTIONS}`,

  `CREATE TABLE room_attributes (
    app_id CHAR(36) NOT NULL,
    room_id VARCHAR(64) NOT NULL,
    \`key\` VARCHAR(128) NOT NULL CHECK (\`key\` REGEXP '^[A-Za-z0-9_.-]+$'),
    value TEXT NOT NULL CHECK (char_length(value) <= 4096),
    owner VARCHAR(64) NOT NULL,
    auto_delete BOOLEAN NOT NULL,
    PRIMARY KEY (app_id, room_id, \`key\`),
    KEY room_attributes_owner_idx (app_id, owner),
    CONSTRAINT room_attributes_room_fk FOREIGN KEY (app_id, room_id) REFERENCES rooms (app_id, id) ON DELETE CASCADE,
    CONSTRAINT room_attributes_owner_fk FOREIGN KEY (app_id, owner) REFERENCES users (app_id, username) ON DELETE CASCADE
  ) ${TABLE_OPTIONS}`,

  `CREATE TABLE super_admins (
    app_id CHAR(36) NOT NULL,
    username VARCHAR(64) NOT NULL,
    seq BIGINT NOT NULL AUTO_INCREMENT,
    PRIMARY KEY (app_id, username),
    UNIQUE KEY super_admins_seq_key (seq),
    KEY super_admins_order_idx (app_id, seq),
    CONSTRAINT super_admins_user_fk FOREIGN KEY (app_id, username) REFERENCES users (app_id, username) ON DELETE CASCADE
  ) ${TABLE_OPTIONS}`,
];

export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
