import type { Migration } from 'kysely';
import { statementsMigration } from './statements-migration.js';

/**
 * Tenant administration: each app's rate-limit setting ('off', 'easemob' or a
 * per-second number, as text) and its key generation, which tokens carry and rotation or
 * revocation raises. Existing apps start at generation 0, the generation of every token issued
 * before this migration, so those tokens stay valid. Token keys stored in clear before this
 * release are sealed by the service at start (SealAppKeys), not here: sealing needs the master
 * key, which the database never sees.
 */
const statements = [
  `ALTER TABLE apps ADD COLUMN rate_limit text NOT NULL DEFAULT 'off'
    CONSTRAINT apps_rate_limit_check CHECK (rate_limit IN ('off', 'easemob') OR rate_limit ~ '^[1-9][0-9]{0,6}$')`,
  `ALTER TABLE apps ADD COLUMN key_generation integer NOT NULL DEFAULT 0
    CONSTRAINT apps_key_generation_check CHECK (key_generation >= 0)`,
];

export const tenantAdminMigration: Migration = statementsMigration(statements);
