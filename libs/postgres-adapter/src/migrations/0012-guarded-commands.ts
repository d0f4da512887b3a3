import type { Migration } from 'kysely';
import { statementsMigration } from './statements-migration.js';

/**
 * What the guarded commands (one statement each) need:
 * - `rooms.block_seq`, bumped by every block: an addition's statement compares it with the value
 *   of its snapshot when it takes the room's lock, so a block committed while it waited is not
 *   missed (its blocklist read, like every read of one statement, sees the snapshot only).
 *   A column with a constant default is a catalogue change: no table rewrite.
 * - `chatroom_guard(reason, detail)`: raises SQLSTATE CG001, so that a statement whose guard
 *   refuses after it wrote something undoes all of it (a statement is atomic); the adapter reads
 *   the reason back. `stale` raises 40001 instead: the statement ran on a snapshot that a
 *   concurrent commit made stale, and runs again like any serialization failure.
 */
const statements = [
  `ALTER TABLE rooms ADD COLUMN block_seq bigint NOT NULL DEFAULT 0`,
  `CREATE FUNCTION chatroom_guard(reason text, detail text) RETURNS text LANGUAGE plpgsql AS $$
   BEGIN
     IF reason = 'stale' THEN
       RAISE EXCEPTION 'stale snapshot' USING ERRCODE = '40001';
     END IF;
     RAISE EXCEPTION '%', reason USING ERRCODE = 'CG001', DETAIL = coalesce(detail, '');
   END
   $$`,
];

export const guardedCommandsMigration: Migration = statementsMigration(statements);
