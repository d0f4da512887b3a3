import { InMemoryImportProgress, type Dependencies } from '@chatroom/domain';
import { InvalidArgumentError, type Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import type { Database } from '../../ports/database.js';
import { TOKENS } from '../../ports/tokens.js';
import type { UseCases } from '../../ports/use-cases.js';
import { AdminFailure, asFailure } from '../admin-session.js';
import type { CommandGroup, GroupContext } from '../command-group.js';
import { EasemobSource, sourceBase } from './easemob-source.js';
import { importTarget } from './import-target.js';
import { runImport, type ImportReport } from './import-run.js';
import { progressView } from './progress-view.js';

interface ImportOptions {
  org: string;
  app: string;
  from: string;
  clientId: string;
  clientSecret: string;
  rate: number | 'off';
  rooms?: string[];
  dryRun?: boolean;
  concurrency: number;
  report?: string;
}

/** Well under Easemob's documented per-app limits (50/s for the room list, 100/s for most reads). */
const DEFAULT_RATE = 20;

/** `import easemob …`: brings an Easemob app's chat rooms into an app here, through Easemob's REST API. */
export const importCommands: CommandGroup = (program: Command, ctx: GroupContext) => {
  const group = program.command('import').description('bring chat rooms in from another service');
  group
    .command('easemob')
    .description("import (or bring up to date) an Easemob app's chat rooms into --org/--app, then verify every room")
    .requiredOption('--org <org>', 'target organisation name (here)')
    .requiredOption('--app <app>', 'target app name (here)')
    .requiredOption('--from <url>', "the source app's base URL, https://{host}/{org_name}/{app_name}", fromUrl)
    .requiredOption('--client-id <id>', "the source app's client id")
    .requiredOption('--client-secret <secret>', "the source app's client secret")
    .option(
      '--rate <req/s|off>',
      `requests per second to the source at most (default ${DEFAULT_RATE}; off: unpaced)`,
      rate,
      DEFAULT_RATE,
    )
    .option('--rooms <id,…>', 'only these rooms', (raw: string) =>
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .option('--dry-run', 'read and compare only; write nothing')
    .option('--concurrency <n>', 'rooms in flight at once', concurrency, 8)
    .option('--report <file>', 'also write the JSON report to this file')
    .action(async (opts: ImportOptions) => {
      const report = await importInto(ctx, opts);
      const json = `${JSON.stringify(report, null, 2)}\n`;
      if (opts.report) await writeFile(opts.report, json);
      ctx.io.out(json);
      ctx.io.err(`${summary(report)}\n`);
      if (report.interrupted)
        throw new AdminFailure('Interrupted: run the same command again to continue where it stopped.');
      if (report.mismatch_count > 0 || report.rooms.refused > 0) {
        throw new AdminFailure(
          `The target does not match the source: ${report.mismatch_count} mismatches, ${report.rooms.refused} rooms refused (see the report).`,
        );
      }
    });
};

async function importInto(ctx: GroupContext, opts: ImportOptions): Promise<ImportReport> {
  let database: Database | undefined;
  const source = new EasemobSource(
    opts.from,
    { clientId: opts.clientId, clientSecret: opts.clientSecret },
    { rate: opts.rate },
  );
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const container = ctx.makeContainer(ctx.io.env);
    database = await container.getAsync<Database>(TOKENS.Database);
    const useCases = await container.getAsync<UseCases>(TOKENS.UseCases);
    await useCases.sealAppKeys.execute();
    const deps = await container.getAsync<Dependencies>(TOKENS.Dependencies);
    const app = await useCases.findApp.execute(opts.org, opts.app, '');
    const target = importTarget(deps, app, database.importProgress ?? new InMemoryImportProgress());
    const view = progressView(ctx.io.errStream, (line) => ctx.io.err(line));
    return await runImport(
      source,
      target,
      {
        sourceKey: sourceBase(opts.from),
        dryRun: Boolean(opts.dryRun),
        concurrency: opts.concurrency,
        signal: abort.signal,
        ...(opts.rooms && { rooms: opts.rooms }),
      },
      view,
    );
  } catch (error) {
    throw asFailure(error, ctx.io.env);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await source.close().catch(() => {});
    await database?.close().catch(() => {});
  }
}

/** One line for people and logs. */
export function summary(r: ImportReport): string {
  const rooms = r.rooms;
  return (
    `import ${r.source} → ${r.target}${r.dry_run ? ' (dry run)' : ''}: ${rooms.in_source} rooms in the source; ` +
    `${rooms.imported} imported, ${rooms.changed} changed, ${rooms.unchanged} unchanged, ${rooms.already_done} already done, ` +
    `${rooms.refused} refused, ${rooms.gone} gone; ${r.mismatch_count} mismatches; ${r.source_requests} source requests in ${r.seconds} s`
  );
}

function fromUrl(raw: string): string {
  try {
    sourceBase(raw);
    return raw;
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message.replace(/^--from /, ''));
  }
}

function rate(raw: string): number | 'off' {
  if (raw === 'off') return 'off';
  const value = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1))
    throw new InvalidArgumentError('must be off or a whole number of requests per second from 1 to 999999.');
  return value;
}

function concurrency(raw: string): number {
  const value = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= 64)) throw new InvalidArgumentError('must be a whole number from 1 to 64.');
  return value;
}
