import type { Logger } from 'pino';
import type { BootstrapApp, Config } from './config.js';
import type { Database } from './ports/database.js';
import type { UseCases } from './ports/use-cases.js';

/** The same four values an operator gives as BOOTSTRAP_*. */
export type DevelopmentCredentials = BootstrapApp;

/**
 * Makes sure there is an app to talk to. With BOOTSTRAP_* set, that app exists with those
 * credentials (idempotent). Otherwise, on embedded PGlite only, a first start creates a
 * development app and returns its credentials so they can be shown once.
 */
export async function bootstrapApp(
  useCases: UseCases,
  config: Config,
  database: Pick<Database, 'kind'>,
  logger: Logger,
): Promise<DevelopmentCredentials | null> {
  if (config.bootstrap) {
    const { org, app, clientId, clientSecret } = config.bootstrap;
    await useCases.ensureApp.execute({ org, name: app, clientId, clientSecret, settings: config.appSettings });
    logger.info({ org, app }, 'bootstrap app is in place');
    return null;
  }
  if (database.kind !== 'pglite') {
    logger.info('no BOOTSTRAP_* app configured: serving the apps already in the database');
    return null;
  }
  const created = await useCases.createDevelopmentApp.execute(config.appSettings);
  if (!created) return null;
  return {
    org: created.app.org,
    app: created.app.name,
    clientId: created.app.clientId,
    clientSecret: created.clientSecret,
  };
}

/** The once-only, human-readable note about a new development app, with a ready curl line. */
export function developmentAppBanner(credentials: DevelopmentCredentials, baseUrl: string): string {
  const body = JSON.stringify({
    grant_type: 'client_credentials',
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  });
  return [
    '',
    'Created a development app (shown only this once; the secret is stored hashed):',
    `  org:           ${credentials.org}`,
    `  app:           ${credentials.app}`,
    `  client id:     ${credentials.clientId}`,
    `  client secret: ${credentials.clientSecret}`,
    'Get an app token:',
    `  curl -s -X POST ${baseUrl}/${credentials.org}/${credentials.app}/token -H 'Content-Type: application/json' -d '${body}'`,
    '',
  ].join('\n');
}
