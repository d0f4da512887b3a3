/**
 * Where an import from another Easemob-compatible service keeps its progress, in the target's
 * own store, so that an interrupted run continues where it stopped and a later run knows which
 * rooms it brought in (and may therefore dissolve when they are gone from the source).
 *
 * A run is open until `finishRun`; `openRun` resumes the open run of the app and source, or
 * opens a new one. A room is done in a run once `markRoom` recorded it with that run's id.
 */
export interface ImportProgress {
  openRun(appId: string, source: string, now: number): Promise<ImportRun>;
  /** Records the room's outcome in the run (replacing what an earlier run recorded). */
  markRoom(appId: string, source: string, record: ImportedRoom): Promise<void>;
  /** Every room recorded for the app and source, whatever the run. */
  rooms(appId: string, source: string): Promise<ImportedRoom[]>;
  finishRun(appId: string, source: string, runId: number, now: number): Promise<void>;
}

export interface ImportRun {
  readonly runId: number;
  /** Whether this run was open already (an interrupted run resumed). */
  readonly resumed: boolean;
}

export type ImportRoomOutcome = 'imported' | 'changed' | 'unchanged' | 'refused' | 'gone';

export interface ImportedRoom {
  readonly roomId: string;
  readonly runId: number;
  readonly outcome: ImportRoomOutcome;
  /** Why the target refused the room (outcome `refused`), else empty. */
  readonly reason: string;
}
