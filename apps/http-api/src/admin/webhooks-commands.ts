import { ROOM_EVENT_OPERATIONS, type EventRule, type EventRuleKind, type RoomEventOperation } from '@chatroom/domain';
import { checkWebhookDestination } from '@chatroom/event-publisher-adapter';
import { InvalidArgumentError, type Command } from 'commander';
import type { Container } from 'inversify';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import { EVENT_SINK_KINDS, EVENT_SINKS, sinkOfUrl } from '../events/event-sinks.js';
import type { Database } from '../ports/database.js';
import { TOKENS } from '../ports/tokens.js';
import { AdminFailure, asFailure } from './admin-session.js';
import { secretStrengthProblem, SECRET_RULE } from './webhook-secret-strength.js';

/**
 * What a command group gets (the admin CLI's `GroupContext`, issue "Run it as production
 * infrastructure"): where to write, and how to build the container on the service's store.
 */
export interface WebhooksContext {
  readonly io: { readonly env: NodeJS.ProcessEnv; out(text: string): void; err(text: string): void };
  readonly makeContainer: (env: NodeJS.ProcessEnv) => Container;
}

/** A failure reported in one sentence (exit code 1). */
export class WebhooksFailure extends AdminFailure {}

interface RuleOptions {
  org: string;
  app: string;
  url: string;
  kind: EventRuleKind;
  secret?: string;
  events?: RoomEventOperation[];
  id?: string;
  since?: number;
}

/**
 * `webhooks add|list|remove|replay`: where an app's events go. A rule is a webhook
 * URL, or a NATS server (`--kind nats --url nats://127.0.0.1:4222`) whose JetStream gets the
 * events on `chatroom.<org>.<app>.<operation>`. Every instance picks a change up at its next
 * delivery round; no restart.
 */
export function webhooksCommands(program: Command, ctx: WebhooksContext): void {
  const group = program
    .command('webhooks')
    .description("where an app's chat-room events go: webhook URLs or NATS JetStream");
  const json = (value: unknown) => ctx.io.out(`${JSON.stringify(value, null, 2)}\n`);

  withApp(group.command('add').description('add a rule; prints it with its id and secret'))
    .requiredOption(
      '--url <url>',
      `the target: ${EVENT_SINK_KINDS.map((k) => `${schemesOf(k)} with --kind ${k}`).join(', ')}`,
      url,
    )
    .option(`--kind <${EVENT_SINK_KINDS.join('|')}>`, 'how events are sent', kind, 'webhook')
    .option('--secret <secret>', `signing secret (default: 32 random characters; ${SECRET_RULE})`, secret)
    .option(
      '--events <list>',
      `operations to send, comma-separated (default: all of ${ROOM_EVENT_OPERATIONS.join(',')})`,
      operations,
    )
    .action(async (opts: RuleOptions) => {
      if (sinkOfUrl(opts.url) !== opts.kind) {
        throw new WebhooksFailure(`--kind ${opts.kind} takes a ${schemesOf(opts.kind)} URL.`);
      }
      const rule = await withStore(ctx, async (db, rules, config) => {
        if (opts.kind === 'webhook' && !config.events.allowPrivateDestinations) {
          const refused = await checkWebhookDestination(opts.url);
          if (refused) throw new WebhooksFailure(`Refused: ${refused}.`);
        }
        const app = await appId(db, opts);
        const made: EventRule = {
          id: randomUUID(),
          appId: app,
          kind: opts.kind,
          target: opts.url,
          secret: opts.secret ?? randomBytes(24).toString('base64url'),
          operations: opts.events ?? null,
          created: Date.now(),
        };
        await rules.add(made);
        return made;
      });
      json(row(rule, opts, true));
    });

  group
    .command('list')
    .description('every rule, or those of one app (secrets are not shown)')
    .option('--org <org>', 'organisation name')
    .option('--app <app>', 'app name')
    .action(async (opts: Partial<RuleOptions>) => {
      const listed = await withStore(ctx, async (db, rules) => {
        const id = opts.org && opts.app ? await appId(db, opts as RuleOptions) : undefined;
        return rules.list(id);
      });
      json(listed.map((r) => row(r, null, false)));
    });

  group
    .command('remove')
    .description('remove a rule; its undelivered events are dropped with it')
    .requiredOption('--id <id>', 'rule id')
    .action(async (opts: { id: string }) => {
      const removed = await withStore(ctx, (_db, rules) => rules.remove(opts.id));
      if (!removed) throw new WebhooksFailure(`No rule has the id ${opts.id}.`);
      json({ id: opts.id, removed: true });
    });

  withApp(group.command('replay').description('send again the events stored since a time (dead ones included)'))
    .requiredOption('--since <iso-time>', 'e.g. 2026-11-29T00:00:00Z', isoTime)
    .option('--id <id>', 'only this rule')
    .action(async (opts: RuleOptions) => {
      const queued = await withStore(ctx, async (db, rules) =>
        rules.replay(await appId(db, opts), opts.since!, opts.id),
      );
      json({ org: opts.org, app: opts.app, since: new Date(opts.since!).toISOString(), queued });
    });
}

async function withStore<T>(
  ctx: WebhooksContext,
  work: (db: Database, rules: NonNullable<Database['eventRules']>, config: Config) => Promise<T>,
): Promise<T> {
  let db: Database | undefined;
  try {
    const container = ctx.makeContainer(ctx.io.env);
    db = await container.getAsync<Database>(TOKENS.Database);
    if (!db.eventRules) throw new WebhooksFailure('This store keeps no events.');
    return await work(db, db.eventRules, container.get<Config>(TOKENS.Config));
  } catch (error) {
    // The data-directory lock, an unreachable database, a bad config: one sentence, exit 1.
    throw asFailure(error, ctx.io.env);
  } finally {
    await db?.close().catch(() => {});
  }
}

async function appId(db: Database, opts: { org: string; app: string }): Promise<string> {
  const app = await db.uow.read((r) => r.apps.findByName(opts.org, opts.app));
  if (!app) throw new WebhooksFailure(`There is no app ${opts.org}/${opts.app}.`);
  return app.id;
}

function row(rule: EventRule, names: { org: string; app: string } | null, withSecret: boolean) {
  return {
    id: rule.id,
    ...(names && { org: names.org, app: names.app }),
    application: rule.appId,
    kind: rule.kind,
    url: rule.target,
    events: rule.operations === null ? 'all' : rule.operations.join(','),
    ...(withSecret && { secret: rule.secret }),
    created: new Date(rule.created).toISOString(),
  };
}

function withApp(cmd: Command): Command {
  return cmd.requiredOption('--org <org>', 'organisation name').requiredOption('--app <app>', 'app name');
}

function url(raw: string): string {
  if (URL.canParse(raw) && sinkOfUrl(raw) !== undefined) return raw;
  const schemes = EVENT_SINK_KINDS.flatMap((k) => EVENT_SINKS[k].schemes.map((s) => `${s}://`));
  throw new InvalidArgumentError(`must be an ${schemes.slice(0, -1).join(', ')} or ${schemes.at(-1)} URL.`);
}

/** `http:// or https://` */
function schemesOf(kind: EventRuleKind): string {
  return EVENT_SINKS[kind].schemes.map((s) => `${s}://`).join(' or ');
}

function secret(raw: string): string {
  const problem = secretStrengthProblem(raw);
  if (problem) throw new InvalidArgumentError(`${problem}.`);
  return raw;
}

function kind(raw: string): EventRuleKind {
  const known = EVENT_SINK_KINDS.find((k) => k === raw);
  if (known) return known;
  throw new InvalidArgumentError(`must be ${EVENT_SINK_KINDS.join(' or ')}.`);
}

function operations(raw: string): RoomEventOperation[] {
  const list = raw
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const bad = list.filter((op) => !ROOM_EVENT_OPERATIONS.includes(op as RoomEventOperation));
  if (list.length === 0 || bad.length > 0) {
    throw new InvalidArgumentError(`must be a comma list of ${ROOM_EVENT_OPERATIONS.join(', ')}.`);
  }
  return [...new Set(list)] as RoomEventOperation[];
}

function isoTime(raw: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(ms)) throw new InvalidArgumentError('must be an ISO time such as 2026-11-29T00:00:00Z.');
  return ms;
}
