/**
 * What the adapter generator knows about each port: the contract that judges an adapter of it,
 * a skeleton, and the composition-root binding. Clock and Random get working skeletons (they
 * pass their contract unmodified); the others get a skeleton to fill in, whose contract run
 * fails until it is.
 */
export interface PortTemplate {
  /** The `describe…Contract` function from `@chatroom/domain/testing`. */
  readonly contract: string;
  /** The implementation file's text for class `cls`. */
  skeleton(cls: string): string;
  /** The contract test's call, for class `cls` in file `file` (no extension). */
  contractCall(cls: string, file: string, title: string): string;
  /** The line to add in apps/http-api/src/composition/container.ts. */
  binding(cls: string): string;
  /** Whether the skeleton passes its contract as generated. */
  readonly working: boolean;
}

const notYet = (what: string) => `throw new Error('${what}: not implemented yet');`;

export const PORT_TEMPLATES = {
  Clock: {
    contract: 'describeClockContract',
    working: true,
    skeleton: (cls) => `import type { Clock } from '@chatroom/domain';

/** Milliseconds since the epoch, never going back (readings are clamped to the last one). */
export class ${cls} implements Clock {
  private last = 0;

  now(): number {
    this.last = Math.max(this.last, Date.now());
    return this.last;
  }
}
`,
    contractCall: (cls, _file, title) => `describeClockContract('${title}', () => new ${cls}());`,
    binding: (cls) => `bindFactory(container, TOKENS.Clock, () => new ${cls}(), [], 'rebind');`,
  },
  Random: {
    contract: 'describeRandomContract',
    working: true,
    skeleton: (cls) => `import { randomBytes, randomUUID } from 'node:crypto';
import type { Random } from '@chatroom/domain';

/** UUIDs and 256-bit secrets from node:crypto. */
export class ${cls} implements Random {
  uuid(): string {
    return randomUUID();
  }

  secret(): string {
    return randomBytes(32).toString('base64url');
  }
}
`,
    contractCall: (cls, _file, title) => `describeRandomContract('${title}', () => new ${cls}());`,
    binding: (cls) => `bindFactory(container, TOKENS.Random, () => new ${cls}(), [], 'rebind');`,
  },
  CredentialHasher: {
    contract: 'describeCredentialHasherContract',
    working: false,
    skeleton: (cls) => `import type { CredentialHasher } from '@chatroom/domain';

/** See the doc comments of CredentialHasher in @chatroom/domain: they are the contract. */
export class ${cls} implements CredentialHasher {
  async hash(_secret: string): Promise<string> {
    ${notYet('hash')}
  }

  async verify(_secret: string, _hash: string): Promise<boolean> {
    ${notYet('verify')}
  }
}
`,
    contractCall: (cls, _file, title) => `describeCredentialHasherContract('${title}', () => new ${cls}());`,
    binding: (cls) => `bindFactory(container, TOKENS.CredentialHasher, () => new ${cls}(), [], 'rebind');`,
  },
  TokenSigner: {
    contract: 'describeTokenSignerContract',
    working: false,
    skeleton: (cls) => `import type { TokenSigner } from '@chatroom/domain';

/** See the doc comments of TokenSigner in @chatroom/domain: they are the contract. */
export class ${cls} implements TokenSigner {
  async sign(..._args: Parameters<TokenSigner['sign']>): ReturnType<TokenSigner['sign']> {
    ${notYet('sign')}
  }

  async verify(..._args: Parameters<TokenSigner['verify']>): ReturnType<TokenSigner['verify']> {
    ${notYet('verify')}
  }
}
`,
    contractCall: (cls, _file, title) => `describeTokenSignerContract('${title}', () => new ${cls}());`,
    binding: (cls) => `bindFactory(container, TOKENS.TokenSigner, () => new ${cls}(), [], 'rebind');`,
  },
  IdGenerator: {
    contract: 'describeIdGeneratorContract',
    working: false,
    skeleton: (cls) => `import type { Clock, IdGenerator } from '@chatroom/domain';

/**
 * Every call returns a number greater than every number returned before by ANY instance
 * sharing the store, never twice the same, below 2^53 (see IdGenerator in @chatroom/domain).
 */
export class ${cls} implements IdGenerator {
  constructor(private readonly clock: Clock) {}

  async next(): Promise<number> {
    ${notYet('next')}
  }
}
`,
    contractCall: (
      cls,
      _file,
      title,
    ) => `// Two instances on one store, and the suite's clock (it stands still while thousands of ids are drawn).
describeIdGeneratorContract('${title}', async (clock) => ({
  first: new ${cls}(clock),
  second: new ${cls}(clock),
  close: async () => {},
}));`,
    binding: (cls) =>
      `bindFactory(container, TOKENS.IdGenerator, (clock: Clock) => new ${cls}(clock), [TOKENS.Clock], 'rebind');`,
  },
  Store: {
    contract: 'describeStoreContracts',
    working: false,
    skeleton: (cls) => `import { RoomCommandsOverUnits, type IdGenerator, type UnitOfWork } from '@chatroom/domain';
import type { StoreHandle } from '@chatroom/domain/testing';

/**
 * Every store port behind one UnitOfWork (see UnitOfWork and the repositories in
 * @chatroom/domain: their doc comments are the contract), with the contract suite's probes.
 */
export class ${cls} implements StoreHandle {
  readonly uow: UnitOfWork = {
    write: async () => {
      ${notYet('write')}
    },
    read: async () => {
      ${notYet('read')}
    },
    // Each command as a unit of work over the repositories, until the store has statements of its own.
    commands: new RoomCommandsOverUnits({ write: (work) => this.uow.write(work) }),
  };

  readonly ids: IdGenerator = {
    next: async () => {
      ${notYet('ids.next')}
    },
  };

  readonly probes: StoreHandle['probes'] = {
    blockedUnits: async () => 0,
    queryCount: () => ({ queries: 0, rows: 0 }),
    counterMismatches: async () => [],
  };

  static async open(): Promise<${cls}> {
    return new ${cls}();
  }

  async close(): Promise<void> {}
}
`,
    contractCall: (cls, _file, title) => `describeStoreContracts('${title}', {
  open: () => ${cls}.open(),
  // Say what the store offers (the suite prints the reasons): a second handle on the same store
  // (openSecond) or noSecondHandle: 'why not'; concurrentUnits: true, or false with serialisedBecause;
  // a delivery queue (the handle's \`delivery\`) or noDeliveryQueue: 'why not'.
  noSecondHandle: 'not written yet',
  noDeliveryQueue: 'not written yet',
  concurrentUnits: false,
  serialisedBecause: 'not written yet',
});`,
    binding: (cls) =>
      `bindFactory(container, TOKENS.Database, async () => ({ kind: 'memory', ...(await ${cls}.open()), isReady: async () => true }), [], 'rebind');`,
  },
} satisfies Record<string, PortTemplate>;

export type PortName = keyof typeof PORT_TEMPLATES;
export const PORT_NAMES = Object.keys(PORT_TEMPLATES) as PortName[];
