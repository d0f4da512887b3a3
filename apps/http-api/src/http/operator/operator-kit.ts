import type {
  AuthenticateOperator,
  ConsoleQueries,
  DeadDeliveryRevival,
  EventRule,
  SearchRooms,
  EventRuleStore,
  PublishOutcome,
  SetOperatorPassword,
  SignInOperator,
} from '@chatroom/domain';
import type { Middleware } from 'koa';
import type { Database } from '../../ports/database.js';
import type { UseCases } from '../../ports/use-cases.js';
import type { ServiceMetrics } from '../../metrics/prometheus-metrics.js';
import type { AppRouter } from '../route-kit/route-kit.js';
import type { RequestState } from '../state.js';

/** What the operator API runs on, bound in the composition root (composition/operator-api.ts). */
export interface OperatorApi {
  readonly signIn: SignInOperator;
  readonly authenticate: AuthenticateOperator;
  readonly setPassword: SetOperatorPassword;
  readonly queries: ConsoleQueries & DeadDeliveryRevival;
  readonly searchRooms: SearchRooms;
  /** Absent on the in-memory store (it delivers no events). */
  readonly rules?: EventRuleStore;
  /** Why a webhook URL may not be a rule's destination (loopback, private…), or null when it may. */
  checkDestination(url: string): Promise<string | null>;
  /** Sends one made-up event to a rule's endpoint now, outside the queue. */
  testSend(rule: EventRule, app: { readonly org: string; readonly name: string }): Promise<PublishOutcome>;
  readonly database: Pick<Database, 'isReady' | 'kind'>;
  readonly version: string;
  readonly tokenTtlSeconds: number;
}

/** What every operator route module gets. */
export interface OperatorKit {
  readonly api: OperatorApi;
  readonly useCases: UseCases;
  readonly metrics?: ServiceMetrics;
  /** Requires a signed-in operator (cookie or token); sets `ctx.state.operator`. */
  readonly signedIn: Middleware<RequestState>;
  /** After `signedIn`: refuses (403) an operator without the admin role. */
  readonly adminOnly: Middleware<RequestState>;
  /** Resolves `:org/:app` into `ctx.state.app` (404 when unknown), without any app token. */
  readonly tenant: Middleware<RequestState>;
  readonly json: Middleware<RequestState>;
  /** Throttles failed sign-ins as `/token` is. */
  readonly signInThrottle: Middleware<RequestState>;
}

export type OperatorRouteModule = (router: AppRouter, kit: OperatorKit) => void;

/** Every operator route lives under this prefix. */
export const ADMIN_PREFIX = '/admin/v1';
