import {
  APP_SETTING_MAX,
  formatRateLimit,
  parseRateLimit,
  RATE_LIMIT_HINT,
  errors,
  type AppSettings,
  type AppView,
} from '@chatroom/domain';
import * as z from 'zod';
import type { Operation } from '../openapi/operation.js';
import type { AppRouter } from '../route-kit/route-kit.js';
import { validate } from '../route-kit/validate.js';
import { ADMIN_PREFIX, type OperatorKit } from './operator-kit.js';
import { secretOnce } from './operator-keys.js';

const APP = `${ADMIN_PREFIX}/apps/{org}/{app}`;

const appRow = z.strictObject({
  id: z.string(),
  org: z.string(),
  name: z.string(),
  client_id: z.string(),
  key_generation: z.number().int(),
  rate_limit: z.string(),
  room_quota: z.number().int(),
  maxusers_ceiling: z.number().int(),
  joined_room_cap: z.number().int(),
  custom_room_ids: z.boolean(),
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
  maxusers_ceiling: 10000,
  joined_room_cap: 10000,
  custom_room_ids: true,
  rooms: 12,
  users: 40,
  created: 1764374400000,
};
const credentials = z.strictObject({
  org: z.string(),
  name: z.string(),
  client_id: z.string(),
  client_secret: z.string(),
});
const CREDENTIALS_EXAMPLE = {
  org: 'dev',
  name: 'app',
  client_id: 'YXA6i-Ak8Ol4Eei2l11ZjV-EAg',
  client_secret: 'YXA6Kj9…',
};
/** Every per-app limit (AppSettings), each optional: what is left out keeps its value. */
const limitFields = {
  rate_limit: z.string().optional().meta({ description: RATE_LIMIT_HINT, example: '200' }),
  room_quota: z
    .number()
    .int()
    .min(1)
    .max(APP_SETTING_MAX)
    .optional()
    .meta({ description: 'Most rooms the app may have', example: 1000 }),
  maxusers_ceiling: z
    .number()
    .int()
    .min(1)
    .max(APP_SETTING_MAX)
    .optional()
    .meta({ description: 'Highest `maxusers` a room may have', example: 5000 }),
  joined_room_cap: z
    .number()
    .int()
    .min(1)
    .max(APP_SETTING_MAX)
    .optional()
    .meta({ description: 'Most rooms one user may be in (owner included)', example: 10000 }),
  custom_room_ids: z
    .boolean()
    .optional()
    .meta({ description: 'Whether callers may choose a room id on create', example: true }),
};
const newApp = z.strictObject({
  org: z.string().meta({ example: 'dev' }),
  name: z.string().meta({ example: 'app' }),
  ...limitFields,
});
const limits = z
  .strictObject(limitFields)
  .refine((body) => Object.values(body).some((v) => v !== undefined), { message: 'give at least one limit to change' });

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
    method: 'get',
    path: APP,
    tag: 'operator: apps',
    summary: 'One app with its counts, token generation and limits',
    operationId: 'getAdminV1App',
    operator: true,
    response: { schema: appRow, example: APP_EXAMPLE },
    errors: [401, 404, 500, 503],
  },
  {
    method: 'delete',
    path: APP,
    tag: 'operator: apps',
    summary: 'Delete an app and everything of it',
    operator: true,
    response: { schema: z.strictObject({ deleted: z.string() }), example: { deleted: APP_EXAMPLE.id } },
    errors: [400, 401, 403, 404, 500, 503],
  },
  {
    method: 'post',
    path: `${APP}/secret`,
    tag: 'operator: apps',
    summary: "Rotate the app's client secret (the new one is shown once; its tokens stop working)",
    operator: true,
    response: { schema: credentials, example: CREDENTIALS_EXAMPLE },
    errors: [400, 401, 403, 404, 500, 503],
  },
  {
    method: 'post',
    path: `${APP}/revocations`,
    tag: 'operator: apps',
    summary: 'Revoke every token of the app (its secret stays)',
    operator: true,
    keyed: true,
    response: { schema: z.strictObject({ key_generation: z.number().int() }), example: { key_generation: 2 } },
    errors: [401, 403, 404, 500, 503],
  },
  {
    method: 'put',
    path: `${APP}/limits`,
    tag: 'operator: apps',
    summary:
      "Set the app's limits: rate limit, room quota, maxusers ceiling, joined-room cap, custom room ids (the others keep their values)",
    operator: true,
    keyed: true,
    body: { schema: limits, example: { rate_limit: '200', room_quota: 1000 } },
    response: { schema: appRow, example: APP_EXAMPLE },
    errors: [400, 401, 403, 404, 413, 415, 500, 503],
  },
];

export function appRoutes(router: AppRouter, { useCases, signedIn, adminOnly, tenant, json }: OperatorKit): void {
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
      maxusers_ceiling: view.settings.maxUsersCeiling,
      joined_room_cap: view.settings.joinedRoomCap,
      custom_room_ids: view.settings.customRoomIds,
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
  const settingsOf = (body: z.infer<typeof limits>): Partial<AppSettings> => {
    const changes: Partial<Record<keyof AppSettings, unknown>> = {
      rateLimit: body.rate_limit === undefined ? undefined : rateLimit(body.rate_limit),
      roomQuota: body.room_quota,
      maxUsersCeiling: body.maxusers_ceiling,
      joinedRoomCap: body.joined_room_cap,
      customRoomIds: body.custom_room_ids,
    };
    return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<AppSettings>;
  };

  router.get(`${ADMIN_PREFIX}/apps`, signedIn, async (ctx) => {
    const apps = await useCases.listApps.execute();
    ctx.body = { apps: await Promise.all(apps.map(row)) };
  });

  router.post(`${ADMIN_PREFIX}/apps`, signedIn, adminOnly, secretOnce, json, async (ctx) => {
    const { org, name, ...given } = validate(newApp, ctx.request.body);
    const { credentials: made } = await useCases.createApp.execute({ org, name, settings: settingsOf(given) });
    ctx.body = { org: made.org, name: made.name, client_id: made.clientId, client_secret: made.clientSecret };
  });

  router.get(`${ADMIN_PREFIX}/apps/:org/:app`, signedIn, tenant, async (ctx) => {
    ctx.body = await row(ctx.state.app);
  });

  router.delete(`${ADMIN_PREFIX}/apps/:org/:app`, signedIn, adminOnly, async (ctx) => {
    const { id } = await useCases.deleteApp.execute(ctx.params.org!, ctx.params.app!);
    ctx.body = { deleted: id };
  });

  router.post(`${ADMIN_PREFIX}/apps/:org/:app/secret`, signedIn, adminOnly, secretOnce, async (ctx) => {
    const made = await useCases.rotateAppSecret.execute(ctx.params.org!, ctx.params.app!);
    ctx.body = { org: made.org, name: made.name, client_id: made.clientId, client_secret: made.clientSecret };
  });

  router.post(`${ADMIN_PREFIX}/apps/:org/:app/revocations`, signedIn, adminOnly, tenant, async (ctx) => {
    const revoked = await useCases.revokeAppTokens.execute(ctx.params.org!, ctx.params.app!);
    ctx.body = { key_generation: revoked.keyGeneration };
  });

  router.put(`${ADMIN_PREFIX}/apps/:org/:app/limits`, signedIn, adminOnly, tenant, json, async (ctx) => {
    const body = validate(limits, ctx.request.body);
    const view = await useCases.setAppLimits.execute(ctx.params.org!, ctx.params.app!, settingsOf(body));
    ctx.body = await row(view);
  });
}
