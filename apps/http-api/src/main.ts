import { ConfigError, loadConfig, servingProblems } from './config.js';
import { createContainer } from './composition/container.js';
import { createLogger } from './logger.js';
import { startService } from './service.js';

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
  const logger = createLogger(config.logLevel);
  let service;
  try {
    service = await startService(createContainer(config, logger));
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    try {
      await service.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

await main();
