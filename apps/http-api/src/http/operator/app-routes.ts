import { formatRateLimit, parseRateLimit, RATE_LIMIT_HINT, errors, type AppView } from '@chatroom/domain';
import * as z from 'zod';
import type { Operation } from '../openapi/operation.js';
import type { AppRouter } from '../route-kit/route-kit.js';
import { validate } from '../route-kit/validate.js';
import { ADMIN_PREFIX, type OperatorKit } from './operator-kit.js';

const APP = `${ADMIN_PREFIX}/apps/{org}/{app}`;

const appRow = z.strictObject({
  id: z.string(),
  org: z.string(),
  name: z.string(),
  client_id: z.string(),
  key_generation: z.number().int(),
  rate_limit: z.string(),
  room_quota: z.number().int(),
  rooms: z.number().int(),
  users: z.number().int(),
  created: z.number().int(),
});
const APP_EXAMPLE = {
  id: '8be024f0-e978-11e8-b697-5d598d5f8402',
  org: 'dev',
  name: 'app',
  client_id: 'YXA6i-Ak8Ol4Eei2l11ZjV-EAg',
  key_generation: 0,
  rate_limit: 'easemob',
  room_quota: 100000,
  rooms: 12,
  users: 40,
  created: 1764374400000,
};
const credentials = z.strictObject({ org: z.string(), name: z.string(), client_id: z.string(), client_secret: z.string() });
const CREDENTIALS_EXAMPLE = { org: 'dev', name: 'app', client_id: 'YXA6i-Ak8Ol4Eei2l11ZjV-EAg', client_secret: 'YXA6Kj9…' };
const newApp = z.strictObject({
  org: z.string().meta({ example: 'dev' }),
  name: z.string().meta({ example: 'app' }),
  rate_limit: z.string().optional().meta({ description: RATE_LIMIT_HINT, example: 'easemob' }),
});
const limits = z.strictObject({ rate_limit: z.string().meta({ description: RATE_LIMIT_HINT, example: '200' }) });

export const appOperations: readonly Operation[] = [
  {
    method: 'get',
    path: `${ADMIN_PREFIX}/apps`,
    tag: 'operator: apps',
    summary: 'Every app with its counts, token generation and rate limit',
    operator: true,
    response: { schema: z.strictObject({ apps: z.array(appRow) }), example: { apps: [APP_EXAMPLE] } },
    errors: [401, 500, 503],
  },
  {
    method: 'post',
    path: `${ADMIN_PREFIX}/apps`,
    tag: 'operator: apps',
    summary: 'Create an app; its client secret is shown in this answer only',
    operator: true,
    body: { schema: newApp, example: { org: 'dev', name: 'app' } },
    response: { schema: credentials, example: CREDENTIALS_EXAMPLE },
    errors: [400, 401, 403, 413, 415, 500, 503],
  },
  {
    method: 'delete',
    path: APP,
    tag: 'operator: apps',
    summary: 'Delete an app and everything of it',
    operator: true,
    response: { schema: z.strictObject({ deleted: z.string() }), example: { deleted: APP_EXAMPLE.id } },
    errors: [401, 403, 404, 500, 503],
  },
  {
    method: 'post',
    path: `${APP}/secret`,
    tag: 'operator: apps',
    summary: "Rotate the app's client secret (the new one is shown once; its tokens stop working)",
    operator: true,
    response: { schema: credentials, example: CREDENTIALS_EXAMPLE },
    errors: [401, 403, 404, 500, 503],
  },
  {
    method: 'post',
    path: `${APP}/revocations`,
    tag: 'operator: apps',
    summary: "Revoke every token of the app (its secret stays)",
    operator: true,
    response: { schema: z.strictObject({ key_generation: z.number().int() }), example: { key_generation: 2 } },
    errors: [401, 403, 404, 500, 503],
  },
  {
    method: 'put',
    path: `${APP}/limits`,
    tag: 'operator: apps',
    summary: "Set the app's request rate limit",
    operator: true,
    body: { schema: limits, example: { rate_limit: '200' } },
    response: { schema: appRow, example: APP_EXAMPLE },
    errors: [400, 401, 403, 404, 413, 415, 500, 503],
  },
];

export function appRoutes(router: AppRouter, { useCases, signedIn, adminOnly, json }: OperatorKit): void {
  const row = async (view: AppView) => {
    const { usage } = await useCases.showApp.execute(view.org, view.name);
    return {
      id: view.id,
      org: view.org,
      name: view.name,
      client_id: view.clientId,
      key_generation: view.keyGeneration,
      rate_limit: formatRateLimit(view.settings.rateLimit),
      room_quota: view.settings.roomQuota,
      rooms: usage.rooms,
      users: usage.users,
      created: view.created,
    };
  };
  const rateLimit = (raw: string) => {
    const parsed = parseRateLimit(raw);
    if (parsed === undefined) throw errors.invalidParameter(`rate_limit: ${RATE_LIMIT_HINT}`);
    return parsed;
  };

  router.get(`${ADMIN_PREFIX}/apps`, signedIn, async (ctx) => {
    const apps = await useCases.listApps.execute();
    ctx.body = { apps: await Promise.all(apps.map(row)) };
  });

  router.post(`${ADMIN_PREFIX}/apps`, signedIn, adminOnly, json, async (ctx) => {
    const body = validate(newApp, ctx.request.body);
    const settings = body.rate_limit === undefined ? undefined : { rateLimit: rateLimit(body.rate_limit) };
    const { credentials: made } = await useCases.createApp.execute({ org: body.org, name: body.name, settings });
    ctx.body = { org: made.org, name: made.name, client_id: made.clientId, client_secret: made.clientSecret };
  });

  router.delete(`${ADMIN_PREFIX}/apps/:org/:app`, signedIn, adminOnly, async (ctx) => {
    const { id } = await useCases.deleteApp.execute(ctx.params.org!, ctx.params.app!);
    ctx.body = { deleted: id };
  });

  router.post(`${ADMIN_PREFIX}/apps/:org/:app/secret`, signedIn, adminOnly, async (ctx) => {
    const made = await useCases.rotateAppSecret.execute(ctx.params.org!, ctx.params.app!);
    ctx.body = { org: made.org, name: made.name, client_id: made.clientId, client_secret: made.clientSecret };
  });

  router.post(`${ADMIN_PREFIX}/apps/:org/:app/revocations`, signedIn, adminOnly, async (ctx) => {
    const revoked = await useCases.revokeAppTokens.execute(ctx.params.org!, ctx.params.app!);
    ctx.body = { key_generation: revoked.keyGeneration };
  });

  router.put(`${ADMIN_PREFIX}/apps/:org/:app/limits`, signedIn, adminOnly, json, async (ctx) => {
    const body = validate(limits, ctx.request.body);
    const view = await useCases.setAppLimits.execute(ctx.params.org!, ctx.params.app!, { rateLimit: rateLimit(body.rate_limit) });
    ctx.body = await row(view);
  });
}
