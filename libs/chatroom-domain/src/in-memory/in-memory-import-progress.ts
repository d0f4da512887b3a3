import type { ImportedRoom, ImportProgress, ImportRun } from '../ports/import-progress.js';

interface Run {
  runId: number;
  finished: boolean;
}

/** Import progress in process memory (tests, and the in-memory store). */
export class InMemoryImportProgress implements ImportProgress {
  private readonly runs = new Map<string, Run>();
  private readonly recorded = new Map<string, Map<string, ImportedRoom>>();

  async openRun(appId: string, source: string): Promise<ImportRun> {
    const key = keyOf(appId, source);
    const last = this.runs.get(key);
    if (last && !last.finished) return { runId: last.runId, resumed: true };
    const run = { runId: (last?.runId ?? 0) + 1, finished: false };
    this.runs.set(key, run);
    return { runId: run.runId, resumed: false };
  }

  async markRoom(appId: string, source: string, record: ImportedRoom): Promise<void> {
    const key = keyOf(appId, source);
    const rooms = this.recorded.get(key) ?? new Map<string, ImportedRoom>();
    rooms.set(record.roomId, { ...record });
    this.recorded.set(key, rooms);
  }

  async rooms(appId: string, source: string): Promise<ImportedRoom[]> {
    return [...(this.recorded.get(keyOf(appId, source))?.values() ?? [])];
  }

  async finishRun(appId: string, source: string, runId: number): Promise<void> {
    const run = this.runs.get(keyOf(appId, source));
    if (run?.runId === runId) run.finished = true;
  }
}

function keyOf(appId: string, source: string): string {
  return `${appId}\u0000${source}`;
}
