import type { ImportedRoom, ImportProgress, ImportRoomOutcome, ImportRun } from '@chatroom/domain';
import { sql, type Kysely } from 'kysely';

/** Import progress in `import_runs` and `import_rooms` (migration 0011). */
export class PostgresImportProgress implements ImportProgress {
  constructor(private readonly db: Kysely<any>) {}

  /** One statement: the open run if there is one, else a new one after the last. */
  async openRun(appId: string, source: string, now: number): Promise<ImportRun> {
    return this.db.transaction().execute(async (tx) => {
      const { rows } = await sql<{ run_id: number; finished_at: string | null }>`
        SELECT run_id, finished_at FROM import_runs WHERE app_id = ${appId} AND source = ${source}
        ORDER BY run_id DESC LIMIT 1 FOR UPDATE
      `.execute(tx);
      const last = rows[0];
      if (last && last.finished_at === null) return { runId: Number(last.run_id), resumed: true };
      const runId = (last ? Number(last.run_id) : 0) + 1;
      await sql`INSERT INTO import_runs (app_id, source, run_id, started_at) VALUES (${appId}, ${source}, ${runId}, ${now})`.execute(
        tx,
      );
      return { runId, resumed: false };
    });
  }

  async markRoom(appId: string, source: string, r: ImportedRoom): Promise<void> {
    await sql`
      INSERT INTO import_rooms (app_id, source, room_id, run_id, outcome, reason)
      VALUES (${appId}, ${source}, ${r.roomId}, ${r.runId}, ${r.outcome}, ${r.reason})
      ON CONFLICT (app_id, source, room_id) DO UPDATE SET run_id = EXCLUDED.run_id, outcome = EXCLUDED.outcome, reason = EXCLUDED.reason
    `.execute(this.db);
  }

  async rooms(appId: string, source: string): Promise<ImportedRoom[]> {
    const { rows } = await sql<{ room_id: string; run_id: number; outcome: ImportRoomOutcome; reason: string }>`
      SELECT room_id, run_id, outcome, reason FROM import_rooms WHERE app_id = ${appId} AND source = ${source}
    `.execute(this.db);
    return rows.map((r) => ({ roomId: r.room_id, runId: Number(r.run_id), outcome: r.outcome, reason: r.reason }));
  }

  async finishRun(appId: string, source: string, runId: number, now: number): Promise<void> {
    await sql`UPDATE import_runs SET finished_at = ${now} WHERE app_id = ${appId} AND source = ${source} AND run_id = ${runId}`.execute(
      this.db,
    );
  }
}
