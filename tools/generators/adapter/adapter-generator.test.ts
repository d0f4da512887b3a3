// The generator end to end, as an adapter author runs it: `nx g` writes a lib into libs/, whose
// contract run passes unmodified for a simple port; the layer check fails once the new adapter
// imports another adapter, and once the SQL store kit imports an adapter. Each generated lib
// (and probe file) is removed afterwards.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PORT_NAMES } from './port-templates.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const generated: string[] = [];
afterEach(() => {
  for (const dir of generated.splice(0)) rmSync(join(root, dir), { recursive: true, force: true });
});

function run(command: string, args: string[], cwd = root) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Runs the generator through nx and returns the new lib's folder. */
function generate(port: string): { dir: string; output: string } {
  const name = `gen-probe-${randomBytes(3).toString('hex')}`;
  const dir = `libs/${name}-adapter`;
  generated.push(dir);
  const { status, output } = run('npx', ['nx', 'g', '@chatroom/tools:adapter', name, '--port', port]);
  expect(status, output).toBe(0);
  return { dir, output };
}

describe('npx nx g @chatroom/tools:adapter', () => {
  for (const port of ['Clock', 'Random']) {
    it(`a ${port} adapter passes its contract and its typecheck as generated, and the binding is printed`, () => {
      const { dir, output } = generate(port);
      expect(output).toContain('npm install');
      expect(output).toContain(`bindFactory(container, TOKENS.${port}, `);
      const test = run('npx', ['vitest', 'run', '--reporter=verbose'], join(root, dir));
      expect(test.status, test.output).toBe(0);
      expect(test.output).toMatch(/Tests\s+\d+ passed/);
      expect(test.output).toContain(`${port} contract`);
      const typecheck = run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'], join(root, dir));
      expect(typecheck.status, typecheck.output).toBe(0);
    });
  }

  it('a generated adapter that imports another adapter fails the layer check; as generated it passes', () => {
    const { dir } = generate('Clock');
    const depcruise = () => run('npx', ['depcruise', `${dir}/src`, '--config', '.dependency-cruiser.cjs']);
    const clean = depcruise();
    expect(clean.status, clean.output).toBe(0);

    appendFileSync(join(root, dir, 'src/index.ts'), "export { SystemClock } from '@chatroom/crypto-adapter';\n");
    const crossed = depcruise();
    expect(crossed.status, crossed.output).not.toBe(0);
    expect(crossed.output).toMatch(
      new RegExp(`adapters-do-not-import-each-other: ${dir}/src/index\\.ts → libs/crypto-adapter/`),
    );
  });

  it('an adapter may import the SQL store kit; the kit importing an adapter fails the layer check', () => {
    const { dir } = generate('Clock');
    appendFileSync(join(root, dir, 'src/index.ts'), "export { inAskedOrder } from '@chatroom/sql-store-kit';\n");
    const adapter = run('npx', ['depcruise', `${dir}/src`, '--config', '.dependency-cruiser.cjs']);
    expect(adapter.status, adapter.output).toBe(0);

    const probe = `libs/sql-store-kit/src/probe-${randomBytes(3).toString('hex')}.ts`;
    generated.push(probe);
    writeFileSync(join(root, probe), "export { openPostgresAdapter } from '@chatroom/postgres-adapter';\n");
    const kit = run('npx', ['depcruise', probe, '--config', '.dependency-cruiser.cjs']);
    expect(kit.status, kit.output).not.toBe(0);
    expect(kit.output).toMatch(
      new RegExp(`sql-store-kit-sits-below-the-adapters: ${probe.replace(/\./g, '\\.')} → libs/postgres-adapter/`),
    );
  });

  it('offers exactly the ports it has templates for', () => {
    const schema = JSON.parse(readFileSync(join(root, 'tools/generators/adapter/schema.json'), 'utf8'));
    expect(schema.properties.port.enum).toEqual(PORT_NAMES);
  });

  it('refuses a name that is not kebab-case and a port it does not know', () => {
    generated.push('libs/BadName-adapter', 'libs/fine-adapter');
    expect(run('npx', ['nx', 'g', '@chatroom/tools:adapter', 'BadName', '--port', 'Clock']).status).not.toBe(0);
    expect(run('npx', ['nx', 'g', '@chatroom/tools:adapter', 'fine', '--port', 'Teapot']).status).not.toBe(0);
  });
});
