import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../ports/import-progress.js';

/** A store's import progress, for an app that exists in that store. */
export interface ImportProgressUnderTest {
  readonly progress: ImportProgress;
  readonly appId: string;
  close(): Promise<void>;
}

const SOURCE = 'https://a1.easemob.com/org/app';

/** The ImportProgress port's behaviour, the same on every store (in-memory included). */
export function describeImportProgressContract(name: string, open: () => Promise<ImportProgressUnderTest>): void {
  describe(`${name}: ImportProgress`, () => {
    it('opens run 1, resumes it while it is open, and opens run 2 once it is finished', async () => {
      const { progress, appId, close } = await open();
      try {
        expect(await progress.openRun(appId, SOURCE, 10)).toEqual({ runId: 1, resumed: false });
        expect(await progress.openRun(appId, SOURCE, 20)).toEqual({ runId: 1, resumed: true });
        await progress.finishRun(appId, SOURCE, 1, 30);
        expect(await progress.openRun(appId, SOURCE, 40)).toEqual({ runId: 2, resumed: false });
        // Another source of the same app has runs of its own.
        expect(await progress.openRun(appId, `${SOURCE}2`, 50)).toEqual({ runId: 1, resumed: false });
      } finally {
        await close();
      }
    });

    it('keeps one record per room, the last one written, per source', async () => {
      const { progress, appId, close } = await open();
      try {
        await progress.markRoom(appId, SOURCE, { roomId: 'r1', runId: 1, outcome: 'imported', reason: '' });
        await progress.markRoom(appId, SOURCE, {
          roomId: 'r2',
          runId: 1,
          outcome: 'refused',
          reason: 'maxUsers cannot exceed 10',
        });
        await progress.markRoom(appId, SOURCE, { roomId: 'r1', runId: 2, outcome: 'gone', reason: '' });
        await progress.markRoom(appId, `${SOURCE}2`, { roomId: 'r9', runId: 1, outcome: 'changed', reason: '' });
        const rooms = (await progress.rooms(appId, SOURCE)).sort((a, b) => a.roomId.localeCompare(b.roomId));
        expect(rooms).toEqual([
          { roomId: 'r1', runId: 2, outcome: 'gone', reason: '' },
          { roomId: 'r2', runId: 1, outcome: 'refused', reason: 'maxUsers cannot exceed 10' },
        ]);
        expect(await progress.rooms(appId, 'https://elsewhere/o/a')).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}
