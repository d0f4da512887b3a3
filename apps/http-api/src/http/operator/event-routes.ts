import { ROOM_EVENT_OPERATIONS, type EventRule, type RoomEventOperation } from '@chatroom/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import * as z from 'zod';
import { roomEventEntry } from '../room-events/openapi.js';
import type { Operation } from '../openapi/operation.js';
import { auditEntry } from '../room-events/routes.js';
import type { AppRouter } from '../route-kit/route-kit.js';
import { listRoomEventsQuery } from '../room-events/schemas.js';
import { firstValues } from '../route-kit/fields.js';
import { validate } from '../route-kit/validate.js';
import type { AppContext } from '../state.js';
import { operatorErrors } from './operator-errors.js';
import { secretOnce } from './operator-keys.js';
import { ADMIN_PREFIX, type OperatorApi, type OperatorKit } from './operator-kit.js';

const APP = `${ADMIN_PREFIX}/apps/{org}/{app}`;
const RULE_ID = '3f0c2a4e-8b1d-4e8f-9c55-2f7d1e0a9b64';

const ruleRow = z.strictObject({
  id: z.string(),
  kind: z.enum(['webhook', 'nats']),
  target: z.string(),
  operations: z.array(z.string()).nullable(),
  created: z.number().int(),
  pending: z.number().int(),
  dead: z.number().int(),
});
const RULE_EXAMPLE = {
  id: RULE_ID,
  kind: 'webhook',
  target: 'https://hooks.example.com/chatroom',
  operations: null,
  created: 1764374400000,
  pending: 0,
  dead: 3,
};
const newRule = z.strictObject({
  url: z
    .url({ protocol: /^(https?|nats)$/ })
    .max(2048)
    .meta({ example: 'https://hooks.example.com/chatroom' }),
  events: z
    .array(z.enum(ROOM_EVENT_OPERATIONS as [RoomEventOperation, ...RoomEventOperation[]]))
    .min(1)
    .optional(),
});
const delivery = z.strictObject({
  event_id: z.string(),
  room_id: z.string(),
  operation: z.string(),
  state: z.enum(['pending', 'dead']),
  attempts: z.number().int(),
  next_at: z.number().int().nullable(),
  last_error: z.string().nullable(),
});
const deliveriesQuery = z.strictObject({
  state: z.enum(['pending', 'dead']).optional().meta({ description: 'Only these', example: 'dead' }),
  limit: z.coerce.number().int().min(1).max(1000).optional().meta({ description: '1–1000, default 100', example: 100 }),
});
const NO_RULE = ['resource_not_found', `rule ${RULE_ID} does not exist`, 'ResourceNotFoundException'] as const;

export const eventOperatorOperations: readonly Operation[] = [
  {
    method: 'get',
    path: `${APP}/rooms/{id}/events`,
    tag: 'operator: events',
    summary: "A room's audit trail, newest first",
    operator: true,
    query: listRoomEventsQuery,
    response: {
      schema: z.strictObject({ events: z.array(roomEventEntry), cursor: z.string().optional() }),
      example: { events: [{ id: 'e1b6…', operation: 'CREATE', operator: 'alice', timestamp: 1764374400000 }] },
    },
    errors: [400, 401, 404, 500, 503],
  },
  {
    method: 'get',
    path: `${APP}/webhooks`,
    tag: 'operator: events',
    summary: "The app's rules with their delivery health (pending and dead deliveries)",
    operator: true,
    response: { schema: z.strictObject({ rules: z.array(ruleRow) }), example: { rules: [RULE_EXAMPLE] } },
    errors: [401, 404, 500, 503],
  },
  {
    method: 'post',
    path: `${APP}/webhooks`,
    tag: 'operator: events',
    summary: 'Add a rule; its signing secret is shown in this answer only',
    operator: true,
    body: { schema: newRule, example: { url: 'https://hooks.example.com/chatroom' } },
    response: { schema: ruleRow.extend({ secret: z.string() }), example: { ...RULE_EXAMPLE, dead: 0, secret: 'kq3…' } },
    errors: [400, 401, 403, 404, 413, 415, 500, 503],
  },
  {
    method: 'delete',
    path: `${APP}/webhooks/{rule}`,
    tag: 'operator: events',
    summary: 'Remove a rule and its queued deliveries',
    operator: true,
    keyed: true,
    response: { schema: z.strictObject({ removed: z.string() }), example: { removed: RULE_ID } },
    errors: [401, 403, 404, 500, 503],
    errorExamples: { 404: NO_RULE },
  },
  {
    method: 'post',
    path: `${APP}/webhooks/{rule}/test`,
    tag: 'operator: events',
    summary: "Send a made-up event to the rule's endpoint now, and say what it answered",
    operator: true,
    keyed: true,
    response: {
      schema: z.strictObject({ ok: z.boolean(), error: z.string().optional() }),
      example: { ok: false, error: 'HTTP 500' },
    },
    errors: [401, 403, 404, 500, 503],
    errorExamples: { 404: NO_RULE },
  },
  {
    method: 'get',
    path: `${APP}/webhooks/{rule}/deliveries`,
    tag: 'operator: events',
    summary: "The rule's undelivered events: pending (next try) and dead (last error)",
    operator: true,
    query: deliveriesQuery,
    response: {
      schema: z.strictObject({ deliveries: z.array(delivery) }),
      example: {
        deliveries: [
          {
            event_id: 'e1b6…',
            room_id: '100000000000001',
            operation: 'CREATE',
            state: 'dead',
            attempts: 31,
            next_at: null,
            last_error: 'HTTP 500',
          },
        ],
      },
    },
    errors: [400, 401, 404, 500, 503],
    errorExamples: { 404: NO_RULE },
  },
  {
    method: 'post',
    path: `${APP}/webhooks/{rule}/replay`,
    tag: 'operator: events',
    summary: "Send the rule's dead deliveries again, from now",
    operator: true,
    keyed: true,
    response: { schema: z.strictObject({ revived: z.number().int() }), example: { revived: 3 } },
    errors: [401, 403, 404, 500, 503],
    errorExamples: { 404: NO_RULE },
  },
];

function rulesOf(api: OperatorApi) {
  if (!api.rules) throw operatorErrors.noEvents();
  return api.rules;
}

/** The rule of the path, of the app of the path (another app's rule is "unknown"). */
async function ruleOf(api: OperatorApi, ctx: AppContext): Promise<EventRule> {
  const id = (ctx as unknown as { params: { rule: string } }).params.rule;
  const rule = (await rulesOf(api).list(ctx.state.app.id)).find((r) => r.id === id);
  if (!rule) throw operatorErrors.noSuchRule(id);
  return rule;
}

export function eventOperatorRoutes(
  router: AppRouter,
  { useCases, api, signedIn, adminOnly, tenant, json }: OperatorKit,
): void {
  const base = `${ADMIN_PREFIX}/apps/:org/:app`;
  const row = (rule: EventRule, counts?: { pending: number; dead: number }) => ({
    id: rule.id,
    kind: rule.kind,
    target: rule.target,
    operations: rule.operations === null ? null : [...rule.operations],
    created: rule.created,
    pending: counts?.pending ?? 0,
    dead: counts?.dead ?? 0,
  });

  router.get(`${base}/rooms/:id/events`, signedIn, tenant, async (ctx) => {
    const query = validate(listRoomEventsQuery, firstValues(ctx.query), 'query');
    const page = await useCases.listRoomEvents.execute(ctx.state.app, ctx.params.id!, query);
    ctx.body = { events: page.events.map(auditEntry), ...(page.cursor && { cursor: page.cursor }) };
  });

  router.get(`${base}/webhooks`, signedIn, tenant, async (ctx) => {
    const rules = api.rules ? await api.rules.list(ctx.state.app.id) : [];
    const counts = await api.queries.deliveryCounts(rules.map((r) => r.id));
    ctx.body = { rules: rules.map((r) => row(r, counts.get(r.id))) };
  });

  router.post(`${base}/webhooks`, signedIn, adminOnly, secretOnce, tenant, json, async (ctx) => {
    const body = validate(newRule, ctx.request.body);
    const refused = body.url.startsWith('nats://') ? null : await api.checkDestination(body.url);
    if (refused) throw operatorErrors.refusedDestination(refused);
    const rule: EventRule = {
      id: randomUUID(),
      appId: ctx.state.app.id,
      kind: body.url.startsWith('nats://') ? 'nats' : 'webhook',
      target: body.url,
      secret: randomBytes(24).toString('base64url'),
      operations: body.events ?? null,
      created: Date.now(),
    };
    await rulesOf(api).add(rule);
    ctx.body = { ...row(rule), secret: rule.secret };
  });

  router.delete(`${base}/webhooks/:rule`, signedIn, adminOnly, tenant, async (ctx) => {
    const rule = await ruleOf(api, ctx);
    await rulesOf(api).remove(rule.id);
    ctx.body = { removed: rule.id };
  });

  router.post(`${base}/webhooks/:rule/test`, signedIn, adminOnly, tenant, async (ctx) => {
    const outcome = await api.testSend(await ruleOf(api, ctx), ctx.state.app);
    ctx.body = outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
  });

  router.get(`${base}/webhooks/:rule/deliveries`, signedIn, tenant, async (ctx) => {
    const query = validate(deliveriesQuery, firstValues(ctx.query), 'query');
    const rule = await ruleOf(api, ctx);
    const rows = await api.queries.deliveries(rule.id, query.state, query.limit ?? 100);
    ctx.body = {
      deliveries: rows.map((d) => ({
        event_id: d.eventId,
        room_id: d.roomId,
        operation: d.operation,
        state: d.state,
        attempts: d.attempts,
        next_at: d.nextAt,
        last_error: d.lastError,
      })),
    };
  });

  router.post(`${base}/webhooks/:rule/replay`, signedIn, adminOnly, tenant, async (ctx) => {
    const rule = await ruleOf(api, ctx);
    ctx.body = { revived: await api.queries.reviveDead(rule.id) };
  });
}
