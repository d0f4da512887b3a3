import {
  formatRateLimit,
  parseRateLimit,
  RATE_LIMIT_HINT,
  type AppCredentials,
  type AppSettings,
  type AppView,
} from '@chatroom/domain';
import { InvalidArgumentError, type Command } from 'commander';
import type { UseCases } from '../ports/use-cases.js';
import { withUseCases } from './admin-session.js';
import type { CommandGroup, GroupContext } from './command-group.js';
import { print } from './output.js';

/** The options of `create` and `set-limits`, as commander gives them. */
interface LimitOptions {
  roomQuota?: number;
  maxusersCeiling?: number;
  joinedRoomCap?: number;
  customRoomIds?: boolean;
  rateLimit?: AppSettings['rateLimit'];
}

interface AppOptions extends LimitOptions {
  org: string;
  app: string;
  yes?: boolean;
  table?: boolean;
}

/** `apps …`: tenant administration, one subcommand per domain use case. */
export const appsCommands: CommandGroup = (program: Command, ctx: GroupContext) => {
  const apps = program.command('apps').description('create, inspect and manage tenants (org/app pairs)');

  const run = <T>(work: (useCases: UseCases) => Promise<T>) => withUseCases(ctx.io.env, ctx.makeContainer, work);
  const table = (cmd: Command) => Boolean(cmd.optsWithGlobals<{ table?: boolean }>().table);

  withLimitOptions(
    withApp(apps.command('create').description('create an app; prints its client id and secret, shown this once')),
  ).action(async (opts: AppOptions, cmd: Command) => {
    const { credentials } = await run((u) =>
      u.createApp.execute({ org: opts.org, name: opts.app, settings: limits(opts) }),
    );
    print(ctx.io, credentialsRow(credentials), table(cmd));
  });

  apps
    .command('list')
    .description('every app, by org and app name (never a secret)')
    .action(async (_opts: unknown, cmd: Command) => {
      const views = await run((u) => u.listApps.execute());
      print(ctx.io, views.map(viewRow), table(cmd));
    });

  withApp(apps.command('show').description("one app's settings and counts (never a secret)")).action(
    async (opts: AppOptions, cmd: Command) => {
      const details = await run((u) => u.showApp.execute(opts.org, opts.app));
      print(ctx.io, { ...viewRow(details), rooms: details.usage.rooms, users: details.usage.users }, table(cmd));
    },
  );

  withApp(
    apps
      .command('rotate-secret')
      .description('a new client secret, printed once; every token issued before is refused'),
  ).action(async (opts: AppOptions, cmd: Command) => {
    const credentials = await run((u) => u.rotateAppSecret.execute(opts.org, opts.app));
    print(ctx.io, credentialsRow(credentials), table(cmd));
  });

  withApp(apps.command('revoke-tokens').description('every token issued so far is refused; the secret stays')).action(
    async (opts: AppOptions, cmd: Command) => {
      const revoked = await run((u) => u.revokeAppTokens.execute(opts.org, opts.app));
      print(ctx.io, { org: revoked.org, app: revoked.name, key_generation: revoked.keyGeneration }, table(cmd));
    },
  );

  withLimitOptions(
    withApp(
      apps.command('set-limits').description('change the given limits, keep the others (every instance within 5 s)'),
    ),
  ).action(async (opts: AppOptions, cmd: Command) => {
    const changes = limits(opts);
    if (Object.keys(changes).length === 0)
      cmd.error('error: give at least one limit to change', { exitCode: 2, code: 'admin.usage' });
    const view = await run((u) => u.setAppLimits.execute(opts.org, opts.app, changes));
    print(ctx.io, viewRow(view), table(cmd));
  });

  withApp(apps.command('delete').description('remove the app and all of its data (users, rooms, everything in them)'))
    .option('--yes', 'confirm: the data cannot be brought back')
    .action(async (opts: AppOptions, cmd: Command) => {
      if (!opts.yes)
        cmd.error('error: deleting an app removes all of its data: add --yes to confirm', {
          exitCode: 2,
          code: 'admin.usage',
        });
      await run((u) => u.deleteApp.execute(opts.org, opts.app));
      print(ctx.io, { org: opts.org, app: opts.app, deleted: true }, table(cmd));
    });
};

function withApp(cmd: Command): Command {
  return cmd.requiredOption('--org <org>', 'organisation name').requiredOption('--app <app>', 'app name');
}

function withLimitOptions(cmd: Command): Command {
  return cmd
    .option('--room-quota <n>', 'most rooms the app may have', positiveInteger)
    .option('--maxusers-ceiling <n>', 'highest maxusers a room may have', positiveInteger)
    .option('--joined-room-cap <n>', 'most rooms one user may be in', positiveInteger)
    .option('--custom-room-ids <true|false>', 'whether callers may choose room ids', trueOrFalse)
    .option(
      '--rate-limit <easemob|off|N>',
      "requests per second for the app as a whole, or Easemob's defaults",
      rateLimit,
    );
}

function limits(opts: LimitOptions): Partial<AppSettings> {
  const changes: Partial<Record<keyof AppSettings, unknown>> = {
    roomQuota: opts.roomQuota,
    maxUsersCeiling: opts.maxusersCeiling,
    joinedRoomCap: opts.joinedRoomCap,
    customRoomIds: opts.customRoomIds,
    rateLimit: opts.rateLimit,
  };
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<AppSettings>;
}

function positiveInteger(raw: string): number {
  const value = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= 1_000_000_000))
    throw new InvalidArgumentError('must be an integer from 1 to 1000000000.');
  return value;
}

function trueOrFalse(raw: string): boolean {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new InvalidArgumentError('must be true or false.');
}

function rateLimit(raw: string): AppSettings['rateLimit'] {
  const setting = parseRateLimit(raw);
  if (setting === undefined) throw new InvalidArgumentError(`must be ${RATE_LIMIT_HINT}.`);
  return setting;
}

function credentialsRow(c: AppCredentials) {
  return { org: c.org, app: c.name, client_id: c.clientId, client_secret: c.clientSecret };
}

function viewRow(v: AppView) {
  return {
    org: v.org,
    app: v.name,
    application: v.id,
    client_id: v.clientId,
    key_generation: v.keyGeneration,
    room_quota: v.settings.roomQuota,
    maxusers_ceiling: v.settings.maxUsersCeiling,
    joined_room_cap: v.settings.joinedRoomCap,
    custom_room_ids: v.settings.customRoomIds,
    rate_limit: formatRateLimit(v.settings.rateLimit),
    created: new Date(v.created).toISOString(),
  };
}
