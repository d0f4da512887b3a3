import {
  AddOperator,
  ListOperators,
  RemoveOperator,
  SetOperatorPassword,
  type AccountOutcome,
  type Dependencies,
  type OperatorDependencies,
} from '@chatroom/domain';
import { InvalidArgumentError, type Command } from 'commander';
import type { Database } from '../ports/database.js';
import { TOKENS } from '../ports/tokens.js';
import { AdminFailure, asFailure } from './admin-session.js';
import type { CommandGroup, GroupContext } from './command-group.js';
import { print } from './output.js';

interface OperatorOptions {
  name: string;
  role: 'viewer' | 'admin';
  passwordStdin?: boolean;
  table?: boolean;
}

/**
 * `operators add|list|remove|reset-password`: who may sign in to the console and the operator
 * API. A password is generated (and must be changed at first sign-in) unless `--password-stdin`
 * gives one; it is printed once, never stored in clear.
 */
export const operatorsCommands: CommandGroup = (program: Command, ctx: GroupContext) => {
  const group = program
    .command('operators')
    .description('who may sign in to the console and the operator API (/admin/v1)');
  const table = (cmd: Command) => Boolean(cmd.optsWithGlobals<{ table?: boolean }>().table);
  const password = async (opts: OperatorOptions) => (opts.passwordStdin ? readPassword(ctx) : undefined);

  group
    .command('add')
    .description('add an operator; prints {name, role, password}')
    .requiredOption('--name <name>', 'operator name: 1-64 of a-z 0-9 _ . -')
    .option('--role <viewer|admin>', 'viewer reads everything; admin may also change things', role, 'viewer')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .action(async (opts: OperatorOptions, cmd: Command) => {
      const given = await password(opts);
      const outcome = await withOperators(ctx, (deps) =>
        new AddOperator(deps).execute({ name: opts.name, role: opts.role, password: given }),
      );
      print(ctx.io, shown(outcome, opts.name, given === undefined), table(cmd));
    });

  group
    .command('list')
    .description('every operator, by name (never a password)')
    .action(async (_opts: unknown, cmd: Command) => {
      const operators = await withOperators(ctx, (deps) => new ListOperators(deps).execute());
      print(
        ctx.io,
        operators.map((o) => ({
          name: o.name,
          role: o.role,
          must_change_password: o.mustChangePassword,
          created: new Date(o.created).toISOString(),
        })),
        table(cmd),
      );
    });

  group
    .command('remove')
    .description('remove an operator; their sessions and tokens stop working at once')
    .requiredOption('--name <name>', 'operator name')
    .action(async (opts: OperatorOptions, cmd: Command) => {
      const removed = await withOperators(ctx, (deps) => new RemoveOperator(deps).execute(opts.name));
      if (!removed) throw new AdminFailure(`No operator is named ${opts.name}.`);
      print(ctx.io, { name: opts.name, removed: true }, table(cmd));
    });

  group
    .command('reset-password')
    .description('a new password (generated, or from --password-stdin); every session of the operator ends')
    .requiredOption('--name <name>', 'operator name')
    .option('--password-stdin', 'read the new password from standard input')
    .action(async (opts: OperatorOptions, cmd: Command) => {
      const given = await password(opts);
      const outcome = await withOperators(ctx, (deps) =>
        new SetOperatorPassword(deps).execute({ name: opts.name, password: given }),
      );
      print(ctx.io, shown(outcome, opts.name, given === undefined), table(cmd));
    });
};

function role(raw: string): 'viewer' | 'admin' {
  if (raw !== 'viewer' && raw !== 'admin') throw new InvalidArgumentError('viewer or admin');
  return raw;
}

/** `{name, role, password}`; a password the operator typed is not echoed back. */
function shown(outcome: AccountOutcome, name: string, generated: boolean) {
  if (!outcome.ok) {
    throw new AdminFailure(
      outcome.reason === 'taken' ? `An operator named ${name} already exists.` : `No operator is named ${name}.`,
    );
  }
  return { name: outcome.operator.name, role: outcome.operator.role, password: generated ? outcome.password : null };
}

async function readPassword(ctx: GroupContext): Promise<string> {
  if (!ctx.io.stdin) throw new AdminFailure('--password-stdin needs standard input.');
  const text = (await ctx.io.stdin()).replace(/\r?\n$/, '');
  if (text === '') throw new AdminFailure('--password-stdin read an empty password.');
  return text;
}

/** Opens the service's store (as every command does), runs `work` on its operators, closes it. */
async function withOperators<T>(ctx: GroupContext, work: (deps: OperatorDependencies) => Promise<T>): Promise<T> {
  let database: Database | undefined;
  try {
    const container = ctx.makeContainer(ctx.io.env);
    database = await container.getAsync<Database>(TOKENS.Database);
    const deps = await container.getAsync<Dependencies>(TOKENS.Dependencies);
    if (!database.operators) throw new AdminFailure('This store keeps no operators (the in-memory store).');
    return await work({ ...deps, operators: database.operators });
  } catch (error) {
    throw asFailure(error, ctx.io.env);
  } finally {
    await database?.close().catch(() => {});
  }
}
