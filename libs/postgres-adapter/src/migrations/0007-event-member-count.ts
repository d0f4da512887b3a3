import type { Migration } from 'kysely';
import { statementsMigration } from './statements-migration.js';

/**
 * The callbacks' `member_count`: the room's member count after a JOIN or LEAVE,
 * stored with the event by the unit that made the change (the publisher cannot read it later:
 * the room has moved on). NULL for every other event, and for the events stored before.
 * Adding a nullable column without a default is a catalogue change only: no table rewrite.
 */
const statements = [`ALTER TABLE room_events ADD COLUMN member_count integer`];

export const eventMemberCountMigration: Migration = statementsMigration(statements);
