import type { AuthenticateOperator } from '@chatroom/domain';
import type { Middleware } from 'koa';
import type { AppContext, RequestState } from '../state.js';
import { operatorErrors } from './operator-errors.js';
import { ADMIN_PREFIX } from './operator-kit.js';

/** The console's session cookie: the operator token itself, never readable by scripts. */
export const SESSION_COOKIE = 'chatroom_operator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure whenever the request came over TLS. */
export function setSessionCookie(ctx: AppContext, token: string, maxAgeSeconds: number): void {
  ctx.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.secure,
    path: ADMIN_PREFIX,
    maxAge: maxAgeSeconds * 1000,
    overwrite: true,
  });
}

export function clearSessionCookie(ctx: AppContext): void {
  ctx.cookies.set(SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.secure,
    path: ADMIN_PREFIX,
    maxAge: 0,
    overwrite: true,
  });
}

/**
 * A change made with the session cookie must carry an `Origin` equal to the service's own:
 * SameSite=Strict already keeps the cookie off cross-site requests, and this refuses the rest
 * (an older browser, a sibling site). Bearer tokens are not sent by browsers on their own, so a
 * script's change needs no Origin.
 */
export function assertSameOrigin(ctx: AppContext): void {
  if (SAFE_METHODS.has(ctx.method)) return;
  // Koa 3's `ctx.origin` is the Origin header itself: the service's own is protocol and host.
  if (ctx.get('origin') !== `${ctx.protocol}://${ctx.host}`) throw operatorErrors.foreignOrigin();
}

/**
 * `Authorization: Bearer <operator token>` (scripts) or the session cookie (the console). Only an
 * operator token verifies: an app token is signed with its app's key, never the operator key.
 */
export function operatorAuth(authenticate: AuthenticateOperator): Middleware<RequestState> {
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    const bearer = /^Bearer (\S+)$/i.exec(header)?.[1];
    const cookie = header ? undefined : ctx.cookies.get(SESSION_COOKIE);
    if (header && !bearer) throw operatorErrors.signInRequired();
    if (cookie) assertSameOrigin(ctx);
    const check = await authenticate.execute(bearer ?? cookie);
    if (!check.ok) throw operatorErrors.signInRequired();
    ctx.state.operator = check.operator;
    await next();
  };
}

export const requireAdmin: Middleware<RequestState> = async (ctx, next) => {
  if (ctx.state.operator?.role !== 'admin') throw operatorErrors.adminOnly();
  await next();
};
