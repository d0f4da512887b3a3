import type { App, Operator } from '@chatroom/domain';
import type { ParameterizedContext } from 'koa';
import type { Logger } from 'pino';

/** What the middleware chain leaves on `ctx.state` for the handlers. */
export interface RequestState {
  requestId: string;
  /** `performance.now()` when the request arrived; `duration` is measured from it. */
  startedAt: number;
  /** The service logger bound to this request's id. */
  log: Logger;
  /** The tenant of `/{org}/{app}/…` routes, set by `resolveApp` before any handler runs. */
  app: App;
  /** Set by the rate limit when it has checked the request's token of `app` (true: valid). */
  authenticated?: boolean;
  /** The signed-in operator of `/admin/v1/…` routes, set by `operatorAuth`. */
  operator?: Operator;
}

export type AppContext = ParameterizedContext<RequestState>;

export function elapsedMs(state: Pick<RequestState, 'startedAt'>): number {
  return Math.round(performance.now() - state.startedAt);
}
