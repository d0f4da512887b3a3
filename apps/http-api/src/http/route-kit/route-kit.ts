import type Router from '@koa/router';
import type { Middleware } from 'koa';
import type { UseCases } from '../../ports/use-cases.js';
import type { RequestState } from '../state.js';

export type AppRouter = Router<RequestState>;

/** What every route module needs: the use cases and the shared per-route middleware. */
export interface RouteKit {
  readonly useCases: UseCases;
  /** Resolves `:org/:app` into `ctx.state.app` (404 when unknown). */
  readonly tenant: Middleware<RequestState>;
  /** Requires an app token of that app; a route listing it also takes an Idempotency-Key (app.ts). */
  readonly auth: Middleware<RequestState>;
  /** Reads a JSON body into `ctx.request.body`. */
  readonly json: Middleware<RequestState>;
  /**
   * What runs on `/token` between the tenant and the handler, in order: the per-address
   * throttle, a small JSON body bounded in size and nesting, the per-client throttle, and the cap
   * on secrets hashed at once (token-attempt-throttle.ts, bounded-json-body.ts, in-flight-cap.ts).
   */
  readonly tokenGuards: readonly Middleware<RequestState>[];
}

/** Registers a group of routes. */
export type RouteModule = (router: AppRouter, kit: RouteKit) => void;
