import type { Command } from 'commander';
import type { ContainerFactory } from './admin-session.js';
import type { AdminIo } from './output.js';

/** What every command group gets: where to write, and how to open the store. */
export interface GroupContext {
  readonly io: AdminIo;
  readonly makeContainer: ContainerFactory;
}

/**
 * Registers one group of subcommands (`apps …`; `webhooks …`, `operators …` and `import …` the same way): one
 * module per group, each command calling one domain use case through `withUseCases`.
 */
export type CommandGroup = (program: Command, ctx: GroupContext) => void;
