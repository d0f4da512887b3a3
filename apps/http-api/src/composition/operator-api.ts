import {
  AuthenticateOperator,
  InMemoryConsoleQueries,
  InMemoryOperatorStore,
  InMemoryState,
  SearchRooms,
  SetOperatorPassword,
  SignInOperator,
  type Delivery,
  type Dependencies,
  type EventRule,
  type PublishOutcome,
} from '@chatroom/domain';
import { checkWebhookDestination } from '@chatroom/event-publisher-adapter';
import { createHmac, randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import { EVENT_SINKS } from '../events/event-sinks.js';
import type { OperatorApi } from '../http/operator/operator-kit.js';
import type { Database } from '../ports/database.js';
import { resolveMasterKey } from './master-key-file.js';

/** Operator sessions last a working day; a reset password or a removed operator ends them sooner. */
export const OPERATOR_TOKEN_TTL_SECONDS = 8 * 3600;

/**
 * The operator key is derived from the master key, so every instance sharing the master key
 * verifies every other's operator tokens, and no app's key (each app has its own) ever does.
 */
export function operatorKey(masterKey: Buffer): string {
  return createHmac('sha256', masterKey).update('chatroom operator tokens v1').digest('base64url');
}

/** The operator API over the store: its operators, console queries and rules (in memory when the store has none). */
export async function createOperatorApi(
  database: Database,
  deps: Dependencies,
  config: Config,
  version: string,
): Promise<OperatorApi> {
  const operators = database.operators ?? new InMemoryOperatorStore();
  const queries = database.consoleQueries ?? new InMemoryConsoleQueries(new InMemoryState());
  const policy = { key: operatorKey(await resolveMasterKey(config)), ttlSeconds: OPERATOR_TOKEN_TTL_SECONDS };
  const accountDeps = { ...deps, operators };
  return {
    signIn: new SignInOperator(accountDeps, policy),
    authenticate: new AuthenticateOperator(accountDeps, policy),
    setPassword: new SetOperatorPassword(accountDeps),
    queries,
    searchRooms: new SearchRooms({ uow: deps.uow, queries }),
    ...(database.eventRules && { rules: database.eventRules }),
    checkDestination: async (url) => (config.events.allowPrivateDestinations ? null : checkWebhookDestination(url)),
    testSend: (rule, app) => testSend(rule, app, config, deps.clock.now()),
    database,
    version,
    tokenTtlSeconds: OPERATOR_TOKEN_TTL_SECONDS,
  };
}

/** One made-up UPDATE event of room `console-test`, sent by a publisher made for it and closed after. */
async function testSend(
  rule: EventRule,
  app: { org: string; name: string },
  config: Config,
  now: number,
): Promise<PublishOutcome> {
  const { publishTimeoutMs: timeoutMs, allowPrivateDestinations: allowPrivate } = config.events;
  const publisher = EVENT_SINKS[rule.kind].publisher({ timeoutMs, allowPrivate });
  const delivery: Delivery = {
    rule,
    attempts: 0,
    event: {
      appId: rule.appId,
      org: app.org,
      app: app.name,
      roomId: 'console-test',
      operation: 'UPDATE',
      operator: 'console',
      payload: { test: true },
      id: randomUUID(),
      seq: 0,
      timestamp: now,
    },
  };
  try {
    return await publisher.publish(delivery);
  } finally {
    await publisher.close();
  }
}
