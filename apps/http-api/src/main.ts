import { setFlagsFromString } from 'node:v8';
import { DomainError } from '@chatroom/domain';
import { ConfigError, loadConfig, servingProblems } from './config.js';
import { createContainer } from './composition/container.js';
import { createLogger } from './logger.js';
import { startService } from './composition/service.js';

/** Entry point: configuration → container → listening server; SIGTERM/SIGINT stop it gracefully. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
    const problems = servingProblems(config);
    if (problems.length > 0) throw new ConfigError(problems);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  // Under load V8 otherwise lets the heap grow to several times its live size before a full
  // collection, so a process whose live heap is ~40 MB reaches ~250 MB of RSS; set here rather
  // than on node's command line so that every way of starting the service gets it (NODE_OPTIONS
  // refuses this flag).
  if (config.heapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${config.heapGrowingPercent}`);
  const logger = createLogger(config.logLevel);
  const starting = startService(createContainer(config, logger));

  // Installed before the start completes: a signal while the store opens or the development app is
  // made still ends in a clean stop (lock released), not in the default handler's abrupt exit.
  // `on`, not `once`: Ctrl-C under npm delivers SIGINT twice (the terminal's and npm's forwarded
  // copy), and a second signal with no handler would kill the process mid-stop.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    try {
      await (await starting).close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  try {
    await starting;
  } catch (error) {
    // A refusal the adapter explains (a missing database) needs its sentence, not a stack.
    const explained = error instanceof DomainError;
    logger.fatal(explained ? {} : { err: error }, `could not start: ${(error as Error).message ?? String(error)}`);
    process.exit(1);
  }
}

await main();
