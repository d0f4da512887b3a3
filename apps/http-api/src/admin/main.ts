import { createContainer } from '../composition/container.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { runAdmin } from './admin-cli.js';

// `npm run admin -- apps list`, or `node apps/http-api/dist/admin/main.js apps list` in production.
process.exitCode = await runAdmin(
  process.argv.slice(2),
  {
    env: process.env,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    async stdin() {
      let text = '';
      for await (const chunk of process.stdin) text += chunk;
      return text;
    },
    errStream: process.stderr,
  },
  (env) => createContainer(loadConfig(env), createLogger('silent')),
);
