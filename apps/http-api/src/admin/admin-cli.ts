import { Command, CommanderError } from 'commander';
import { AdminFailure, type ContainerFactory } from './admin-session.js';
import { appsCommands } from './apps-commands.js';
import type { CommandGroup } from './command-group.js';
import { importCommands } from './import-easemob/import-commands.js';
import { webhooksCommands } from './webhooks-commands.js';
import { operatorsCommands } from './operators-commands.js';
import type { AdminIo } from './output.js';

/** Every command group, in the order `--help` lists them. */
const GROUPS: readonly CommandGroup[] = [appsCommands, webhooksCommands, operatorsCommands, importCommands];

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * Runs one admin command (`argv` without node and the script) and returns its exit code:
 * 0 done (or help shown), 2 bad usage (the error and the command's usage line on stderr),
 * 1 failure (one sentence on stderr: unknown app, database unreachable, data directory in use…).
 */
export async function runAdmin(argv: readonly string[], io: AdminIo, makeContainer: ContainerFactory): Promise<number> {
  const program = new Command('admin')
    .description('tenant administration of the chat-room service; works on DATABASE_URL or DATA_DIR, like the service')
    .option('--json', 'print JSON (the default)')
    .option('--table', 'print a table for people instead of JSON')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  for (const group of GROUPS) group(program, { io, makeContainer });
  forEachCommand(program, (cmd) => cmd.showHelpAfterError(`Usage: ${fullName(cmd)} ${cmd.usage()}`));
  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      const shown = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code);
      return shown ? EXIT.ok : EXIT.usage;
    }
    io.err(`error: ${error instanceof AdminFailure ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
}

function forEachCommand(cmd: Command, visit: (c: Command) => void): void {
  visit(cmd);
  for (const sub of cmd.commands) forEachCommand(sub, visit);
}

function fullName(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
