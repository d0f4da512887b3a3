import { DomainError, type ImportedRoom } from '@chatroom/domain';
import type { EasemobSource, SourceRoom } from './easemob-source.js';
import type { ImportTarget } from './import-target.js';
import type { ProgressView } from './progress-view.js';
import { chunks, isRefusal, syncRoom, targetRooms, unique, type SyncContext } from './room-sync.js';
import { roomFeed } from './room-feed.js';
import { verifyRoom, type Mismatch } from './verify-rooms.js';

export interface ImportOptions {
  /** The source's base URL: progress is kept per target app and source. */
  readonly sourceKey: string;
  /** Only these rooms (and, when gone from the source, only these are dissolved). */
  readonly rooms?: readonly string[];
  /** Read and compare only: nothing is written to the target, progress included. */
  readonly dryRun: boolean;
  /** Rooms in flight at once. */
  readonly concurrency: number;
  /** Aborting stops taking new rooms; the run stays open, so the next one resumes it. */
  readonly signal?: AbortSignal;
}

export interface ImportReport {
  source: string;
  target: string;
  run: number;
  resumed: boolean;
  dry_run: boolean;
  interrupted: boolean;
  rooms: {
    in_source: number;
    imported: number;
    changed: number;
    unchanged: number;
    refused: number;
    gone: number;
    /** Done by the interrupted run this one resumed: not done again. */
    already_done: number;
  };
  super_admins: { added: number; removed: number };
  refused: { room: string; reasons: readonly string[] }[];
  mismatch_count: number;
  /** The first mismatches (all of them up to 1,000). */
  mismatches: Mismatch[];
  source_requests: number;
  seconds: number;
}

/** Rooms per details request, and so per group of rooms taken together. */
const GROUP = 100;
/** The JSON report lists at most this many refusals and mismatches (the counts are exact). */
const LISTED_MAX = 1000;

/**
 * One import: lists the source's rooms, brings each into the target (skipping those the run
 * being resumed did already), dissolves the rooms an earlier run imported and the source no
 * longer has, aligns the app's super admins, then verifies every room against a fresh read of
 * the source. Memory holds two groups of rooms (this one and the next, read ahead), plus the room ids.
 */
export async function runImport(
  source: EasemobSource,
  t: ImportTarget,
  options: ImportOptions,
  view: ProgressView,
): Promise<ImportReport> {
  const started = Date.now();
  const { app, progress } = t;
  const run = options.dryRun
    ? { runId: 0, resumed: false }
    : await progress.openRun(app.id, options.sourceKey, t.clock.now());
  const report: ImportReport = {
    source: options.sourceKey,
    target: `${app.org}/${app.name}`,
    run: run.runId,
    resumed: run.resumed,
    dry_run: options.dryRun,
    interrupted: false,
    rooms: { in_source: 0, imported: 0, changed: 0, unchanged: 0, refused: 0, gone: 0, already_done: 0 },
    super_admins: { added: 0, removed: 0 },
    refused: [],
    mismatch_count: 0,
    mismatches: [],
    source_requests: 0,
    seconds: 0,
  };
  const only = options.rooms ? new Set(options.rooms) : undefined;
  const listed = (await source.listRooms()).filter((r) => !only || only.has(r.id));
  report.rooms.in_source = listed.length;
  const inSource = new Set(listed.map((r) => r.id));
  const recorded = new Map((await progress.rooms(app.id, options.sourceKey)).map((r) => [r.roomId, r]));
  const done = (id: string) => {
    const r = recorded.get(id);
    return r !== undefined && r.runId === run.runId && run.resumed && r.outcome !== 'gone';
  };
  const mark = async (record: Omit<ImportedRoom, 'runId'>) => {
    if (!options.dryRun) await progress.markRoom(app.id, options.sourceKey, { ...record, runId: run.runId });
  };
  const refuse = (room: string, reasons: readonly string[]) => {
    if (report.refused.length < LISTED_MAX) report.refused.push({ room, reasons });
  };

  view.start('import', listed.length);
  const todo = listed.filter((r) => {
    if (!done(r.id)) return true;
    report.rooms.already_done++;
    view.tick();
    return false;
  });
  // Rooms group by group (one details read each), the next group read while this one is written.
  const importing = roomFeed(todo, GROUP, async (group): Promise<{ room: SourceRoom; context?: SyncContext }[]> => {
    const rooms = await source.details(group);
    if (options.dryRun) return rooms.map((room) => ({ room }));
    const users = await importGroupUsers(t, rooms);
    // Rooms an earlier run recorded are read from the target, the others created straight away.
    const there = await targetRooms(
      t,
      rooms.filter((r) => recorded.has(r.id) && recorded.get(r.id)!.outcome !== 'gone').map((r) => r.id),
    );
    return rooms.map((room) => ({
      room,
      context: { users, ...(there.has(room.id) && { room: there.get(room.id)! }) },
    }));
  });
  await inParallel(importing, options.concurrency, options.signal, async ({ room, context }) => {
    const snapshot = await source.snapshot(room);
    if (snapshot === null) return; // dissolved since the list: the verification looks at it
    if (!context) {
      report.rooms[
        (await t.getChatroomDetails.execute(app, [room.id]).then(
          () => true,
          () => false,
        ))
          ? 'changed'
          : 'imported'
      ]++;
    } else {
      const result = await syncRoom(t, snapshot, context);
      report.rooms[result.outcome]++;
      if (result.outcome === 'refused') refuse(room.id, result.reasons);
      await mark({ roomId: room.id, outcome: result.outcome, reason: result.reasons.join('; ') });
    }
    view.tick();
  });
  view.stop();
  if (options.signal?.aborted) {
    report.interrupted = true;
    return finish(report, source, started);
  }

  // Rooms an earlier run brought in that the source no longer has (within --rooms, if given).
  for (const record of recorded.values()) {
    if (record.outcome === 'gone' || inSource.has(record.roomId) || (only && !only.has(record.roomId))) continue;
    if (!options.dryRun) {
      try {
        await t.dissolveChatroom.execute(app, record.roomId);
      } catch (error) {
        if (!(error instanceof DomainError && error.code.endsWith('NotFound'))) throw error;
      }
      await mark({ roomId: record.roomId, outcome: 'gone', reason: '' });
    }
    report.rooms.gone++;
  }

  if (!only) report.super_admins = await syncSuperAdmins(source, t, options.dryRun);

  // Verification: a fresh read of the source, room group by room group.
  const toVerify = [
    ...listed,
    ...[...recorded.values()]
      .filter((r) => !inSource.has(r.roomId) && (!only || only.has(r.roomId)))
      .map((r) => ({ id: r.roomId, count: 0 })),
  ];
  view.start('verify', toVerify.length);
  const verifying = roomFeed(toVerify, GROUP, async (group) => {
    const fresh = new Map(
      (await source.details(group.filter((r) => inSource.has(r.id)))).map((r) => [r.id, r] as [string, SourceRoom]),
    );
    const there = await targetRooms(
      t,
      group.map((r) => r.id),
    );
    return group.map((r) => ({ id: r.id, room: fresh.get(r.id) ?? null, target: there.get(r.id) ?? null }));
  });
  await inParallel(verifying, options.concurrency, undefined, async ({ id, room, target }) => {
    const found = await verifyRoom(source, t, room, id, target);
    report.mismatch_count += found.length;
    for (const m of found) if (report.mismatches.length < LISTED_MAX) report.mismatches.push(m);
    view.tick();
  });
  view.stop();
  if (!options.dryRun) await progress.finishRun(app.id, options.sourceKey, run.runId, t.clock.now());
  return finish(report, source, started);
}

async function syncSuperAdmins(
  source: EasemobSource,
  t: ImportTarget,
  dryRun: boolean,
): Promise<{ added: number; removed: number }> {
  const wanted = await source.superAdmins();
  const have: string[] = [];
  for (let pagenum = 1; ; pagenum++) {
    const page = await t.listSuperAdmins.execute(t.app, { pagenum, pagesize: 1000 });
    have.push(...page);
    if (page.length < 1000) break;
  }
  const add = wanted.filter((u) => !have.includes(u));
  const remove = have.filter((u) => !wanted.includes(u));
  if (!dryRun) {
    await t.importUsers.execute(t.app, add);
    for (const u of add) await t.addSuperAdmin.execute(t.app, u);
    for (const u of remove) await t.removeSuperAdmin.execute(t.app, u);
  }
  return { added: add.length, removed: remove.length };
}

function finish(report: ImportReport, source: EasemobSource, started: number): ImportReport {
  report.source_requests = source.wire.requests;
  report.seconds = Math.round((Date.now() - started) / 100) / 10;
  return report;
}

/**
 * Creates the users the group's rooms name as owners and members (most of the users an import
 * needs) in a few units; a room's other users (admins, mutes, lists) are imported with the room.
 * A name the target refuses fails the unit: the rooms then import their users themselves, so that
 * the refusal is reported against the room that names it.
 */
async function importGroupUsers(t: ImportTarget, rooms: readonly SourceRoom[]): Promise<ReadonlySet<string>> {
  const users = unique(rooms.flatMap((r) => [r.owner, ...r.members]));
  try {
    for (const chunk of chunks(users, 1000)) await t.importUsers.execute(t.app, chunk);
  } catch (error) {
    if (isRefusal(error)) return new Set();
    throw error;
  }
  return new Set(users);
}

/** Runs `work` on every item the feed gives, `concurrency` at a time, taking no new item once `signal` aborts. */
async function inParallel<T>(
  next: () => Promise<T | undefined>,
  concurrency: number,
  signal: AbortSignal | undefined,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const worker = async () => {
    for (
      let item = signal?.aborted ? undefined : await next();
      item !== undefined;
      item = signal?.aborted ? undefined : await next()
    )
      await work(item);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
