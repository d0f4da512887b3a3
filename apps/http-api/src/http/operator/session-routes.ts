import type { Operator } from '@chatroom/domain';
import * as z from 'zod';
import type { Operation } from '../openapi/operation.js';
import { validate } from '../route-kit/validate.js';
import type { AppContext } from '../state.js';
import { assertSameOrigin, clearSessionCookie, setSessionCookie } from './operator-auth.js';
import { operatorErrors } from './operator-errors.js';
import { ADMIN_PREFIX, type OperatorKit } from './operator-kit.js';
import type { AppRouter } from '../route-kit/route-kit.js';

const credentials = z.strictObject({
  username: z.string().min(1).max(64).meta({ example: 'ann' }),
  password: z.string().min(1).max(256).meta({ example: 'correct horse battery staple' }),
});
const newPassword = z.strictObject({
  password: z.string().min(12).max(256).meta({ example: 'a new long passphrase' }),
});
const tokenAnswer = z.strictObject({ access_token: z.string(), expires_in: z.number().int() });
const whoAmI = z.strictObject({
  name: z.string(),
  role: z.enum(['viewer', 'admin']),
  must_change_password: z.boolean(),
});
const signedOut = z.strictObject({ signed_out: z.literal(true) });

const me = (operator: Operator) => ({
  name: operator.name,
  role: operator.role,
  must_change_password: operator.mustChangePassword,
});
const ME_EXAMPLE = { name: 'ann', role: 'admin', must_change_password: false } as const;
const BAD_CREDENTIALS = ['unauthorized', 'wrong operator name or password', 'OperatorUnauthorizedException'] as const;
const THROTTLED = [
  'too_many_requests',
  'too many failed token requests: try again in 42 seconds',
  'TooManyRequestsError',
] as const;

export const sessionOperations: readonly Operation[] = [
  {
    method: 'post',
    path: `${ADMIN_PREFIX}/token`,
    tag: 'operator: session',
    summary: 'An operator token for scripts',
    description:
      'Failed attempts are throttled per name and per address as `/token` is. The token is refused by every app route.',
    public: true,
    body: { schema: credentials, example: { username: 'ann', password: 'correct horse battery staple' } },
    response: { schema: tokenAnswer, example: { access_token: 'eyJhbGciOiJIUzI1NiJ9…', expires_in: 3600 } },
    errors: [400, 401, 413, 415, 429, 500, 503],
    errorExamples: { 401: BAD_CREDENTIALS, 429: THROTTLED },
  },
  {
    method: 'post',
    path: `${ADMIN_PREFIX}/session`,
    tag: 'operator: session',
    summary: 'Sign in to the console (sets the session cookie)',
    description:
      'Sets `chatroom_operator` (HttpOnly, SameSite=Strict, Secure over TLS). `Origin` must be the service itself.',
    public: true,
    body: { schema: credentials, example: { username: 'ann', password: 'correct horse battery staple' } },
    response: { schema: whoAmI, example: ME_EXAMPLE },
    errors: [400, 401, 403, 413, 415, 429, 500, 503],
    errorExamples: {
      401: BAD_CREDENTIALS,
      429: THROTTLED,
      403: ['forbidden', 'a change from the console must come from its own origin', 'ForbiddenOperationException'],
    },
  },
  {
    method: 'get',
    path: `${ADMIN_PREFIX}/session`,
    tag: 'operator: session',
    summary: 'Who is signed in',
    operator: true,
    response: { schema: whoAmI, example: ME_EXAMPLE },
    errors: [401, 500, 503],
  },
  {
    method: 'delete',
    path: `${ADMIN_PREFIX}/session`,
    tag: 'operator: session',
    summary: 'Sign out (clears the session cookie)',
    operator: true,
    response: { schema: signedOut, example: { signed_out: true } },
    errors: [400, 401, 403, 500, 503],
  },
  {
    method: 'put',
    path: `${ADMIN_PREFIX}/session/password`,
    tag: 'operator: session',
    summary: 'Change my password (every other session ends)',
    operator: true,
    body: { schema: newPassword, example: { password: 'a new long passphrase' } },
    response: { schema: whoAmI, example: ME_EXAMPLE },
    errors: [400, 401, 403, 413, 415, 500, 503],
  },
];

export function sessionRoutes(router: AppRouter, { api, json, signedIn, signInThrottle }: OperatorKit): void {
  const signIn = async (ctx: AppContext) => {
    const body = validate(credentials, ctx.request.body);
    const outcome = await api.signIn.execute(body.username, body.password);
    if (!outcome.ok) throw operatorErrors.badCredentials();
    return outcome;
  };

  router.post(`${ADMIN_PREFIX}/token`, json, signInThrottle, async (ctx) => {
    const outcome = await signIn(ctx);
    ctx.body = { access_token: outcome.accessToken, expires_in: outcome.expiresIn };
  });

  router.post(
    `${ADMIN_PREFIX}/session`,
    async (ctx, next) => {
      assertSameOrigin(ctx);
      await next();
    },
    json,
    signInThrottle,
    async (ctx) => {
      const outcome = await signIn(ctx);
      setSessionCookie(ctx, outcome.accessToken, outcome.expiresIn);
      ctx.body = me(outcome.operator);
    },
  );

  router.get(`${ADMIN_PREFIX}/session`, signedIn, (ctx) => {
    ctx.body = me(ctx.state.operator!);
  });

  router.delete(`${ADMIN_PREFIX}/session`, signedIn, (ctx) => {
    clearSessionCookie(ctx);
    ctx.body = { signed_out: true };
  });

  router.put(`${ADMIN_PREFIX}/session/password`, signedIn, json, async (ctx) => {
    const { password } = validate(newPassword, ctx.request.body);
    const changed = await api.setPassword.execute({ name: ctx.state.operator!.name, password });
    if (!changed.ok) throw operatorErrors.signInRequired();
    // The new generation ends every session, this one included: it gets a fresh cookie.
    const outcome = await api.signIn.execute(ctx.state.operator!.name, password);
    if (!outcome.ok) throw operatorErrors.signInRequired();
    if (!ctx.get('authorization')) setSessionCookie(ctx, outcome.accessToken, outcome.expiresIn);
    ctx.body = me(outcome.operator);
  });
}
