import type { Tree } from 'nx/src/devkit-exports.js';
import { PORT_NAMES, PORT_TEMPLATES, type PortName } from './port-templates.js';

export interface AdapterGeneratorOptions {
  /** The adapter's name, e.g. `monotonic-clock`: the lib is libs/<name>-adapter, the package @chatroom/<name>-adapter. */
  readonly name: string;
  readonly port: PortName;
}

export interface GeneratedAdapter {
  readonly dir: string;
  readonly packageName: string;
  readonly className: string;
  /** What to tell the user once the files are written. */
  readonly instructions: string;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** For a store over SQL: what it need not write again (docs/architecture.md, "What the SQL stores share"). */
const SQL_STORE_HINT = `
A store over SQL with kysely may also import \`@chatroom/sql-store-kit\`: the tables the SQL stores
share (\`SharedDatabase\`), the row mappers, base repositories parameterized by \`DialectShapes\`,
the seeds and the storm suite (\`describeStorms\` from \`@chatroom/sql-store-kit/storm-suite\`).
`;

/** `monotonic-clock` → `MonotonicClock`. */
function pascal(kebab: string): string {
  return kebab.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

/**
 * Writes a new adapter lib into the tree: package.json, tsconfig files, vitest config, the
 * implementation skeleton, a contract test calling the port's `describe…Contract`, a README.
 * The lib lands in `libs/*-adapter`, so npm workspaces and the layer rules pick it up by name.
 */
export function generateAdapter(tree: Tree, options: AdapterGeneratorOptions): GeneratedAdapter {
  const template = PORT_TEMPLATES[options.port];
  if (!template) throw new Error(`--port must be one of ${PORT_NAMES.join(', ')} (got ${String(options.port)})`);
  const base = options.name.replace(/-adapter$/, '');
  if (!NAME.test(base)) throw new Error(`the name must be kebab-case, like monotonic-clock (got ${options.name})`);
  const dir = `libs/${base}-adapter`;
  if (tree.exists(dir)) throw new Error(`${dir} exists already`);
  const packageName = `@chatroom/${base}-adapter`;
  const portSuffix = options.port === 'Store' ? 'Store' : options.port;
  const className = pascal(base).endsWith(portSuffix) ? pascal(base) : `${pascal(base)}${portSuffix}`;
  const portFile = options.port.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  const file = base === portFile || base.endsWith(`-${portFile}`) ? base : `${base}-${portFile}`;

  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  tree.write(
    `${dir}/package.json`,
    json({
      name: packageName,
      version: '0.1.0',
      private: true,
      type: 'module',
      exports: { '.': { source: './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' } },
      nx: { tags: ['layer:adapter'] },
      scripts: { build: 'tsc -p tsconfig.build.json', typecheck: 'tsc -p tsconfig.json --noEmit', test: 'vitest run' },
      dependencies: { '@chatroom/domain': '0.1.0' },
    }),
  );
  tree.write(
    `${dir}/tsconfig.json`,
    json({
      extends: '../../tsconfig.base.json',
      compilerOptions: { rootDir: 'src', outDir: 'dist', types: ['node'] },
      include: ['src/**/*.ts'],
    }),
  );
  tree.write(`${dir}/tsconfig.build.json`, json({ extends: './tsconfig.json', exclude: ['src/**/*.test.ts'] }));
  tree.write(
    `${dir}/vitest.config.ts`,
    `import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: { include: ['src/**/*.test.ts'] },
});
`,
  );
  tree.write(`${dir}/src/${file}.ts`, template.skeleton(className));
  tree.write(`${dir}/src/index.ts`, `export { ${className} } from './${file}.js';\n`);
  tree.write(
    `${dir}/src/${file}.contract.test.ts`,
    `import { ${template.contract} } from '@chatroom/domain/testing';
import { ${className} } from './${file}.js';

// The port's contract from @chatroom/domain/testing: the same tests every adapter of ${options.port} passes.
${template.contractCall(className, file, className)}
`,
  );
  const binding = template.binding(className);
  tree.write(
    `${dir}/README.md`,
    `# ${packageName}

An adapter of the domain's \`${options.port}\` port (\`@chatroom/domain\`), judged by
\`${template.contract}\` from \`@chatroom/domain/testing\` (\`src/${file}.contract.test.ts\`).

${template.working ? 'The generated skeleton passes its contract as it is.' : 'Fill in the skeleton until its contract passes: `npx vitest run` in this folder.'}

Bind it at the end of \`createContainer\` in \`apps/http-api/src/composition/container.ts\` (the rebind replaces the current ${options.port} binding):

\`\`\`ts
import { ${className} } from '${packageName}';
${binding}
\`\`\`

Adapters import the domain and their own libraries, never the app or another adapter
(\`npm run lint:layers\`).
${options.port === 'Store' ? SQL_STORE_HINT : ''}`,
  );
  const instructions = [
    `Created ${dir} (${packageName}), an adapter of ${options.port}.`,
    `Next:`,
    `  1. npm install                    # links ${packageName} into the workspace (npm workspaces)`,
    `  2. (cd ${dir} && npx vitest run)  # its contract: ${template.contract}${template.working ? ' (passes as generated)' : ' (fails until the skeleton is filled in)'}`,
    `  3. add "${packageName}": "0.1.0" to the dependencies of apps/http-api/package.json, and in`,
    `     at the end of createContainer in apps/http-api/src/composition/container.ts, replace the ${options.port} binding:`,
    `       import { ${className} } from '${packageName}';`,
    `       ${binding}`,
  ].join('\n');
  return { dir, packageName, className, instructions };
}

/** The Nx generator: `npx nx g @chatroom/tools:adapter <name> --port <Port>`. */
export default async function adapterGenerator(tree: Tree, options: AdapterGeneratorOptions): Promise<() => void> {
  const generated = generateAdapter(tree, options);
  return () => console.log(`\n${generated.instructions}\n`);
}
