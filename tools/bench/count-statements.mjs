// Preload for the service under bench:floor (SERVICE_NODE_ARGS="--import /abs/path/count-statements.mjs"):
// counts the statements the process sends through pg, by their first words, and writes the
// counts to <tmpdir>/statements-<pid>.txt when it exits. Divide by the requests served to get
// the round trips per request.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pg = createRequire(join(process.cwd(), 'package.json'))('pg');
const counts = new Map();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  const text = typeof config === 'string' ? config : (config?.text ?? '');
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
  counts.set(key, (counts.get(key) ?? 0) + 1);
  return query.call(this, config, ...rest);
};
process.on('exit', () => {
  const lines = [...counts].sort((a, b) => b[1] - a[1]).map(([text, n]) => `${n}\t${text}`);
  writeFileSync(join(tmpdir(), `statements-${process.pid}.txt`), `${lines.join('\n')}\n`);
});
