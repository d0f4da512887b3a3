import type { StoredRoomEvent } from '@chatroom/domain';
import { sendEnvelope } from '../envelope.js';
import { listRoomEventsQuery } from './schemas.js';
import { firstValues } from '../route-kit/fields.js';
import { validate } from '../route-kit/validate.js';
import type { AppRouter, RouteKit } from '../route-kit/route-kit.js';

/** One audit-trail entry: who did what, when, with the event body (the callback's payload). */
export function auditEntry(e: StoredRoomEvent) {
  return {
    id: e.id,
    operation: e.operation,
    operator: e.operator,
    timestamp: e.timestamp,
    ...(e.payload !== undefined && { payload: e.payload }),
    // Named as in the callback body, so one reader serves both.
    ...(e.memberCount !== undefined && { member_count: e.memberCount }),
  };
}

/** Our extension: `GET /{org}/{app}/chatrooms/{id}/events?limit&cursor`, newest first. */
export function roomEventRoutes(router: AppRouter, { useCases, tenant, auth }: RouteKit): void {
  router.get('/:org/:app/chatrooms/:id/events', tenant, auth, async (ctx) => {
    const query = validate(listRoomEventsQuery, firstValues(ctx.query), 'query');
    const page = await useCases.listRoomEvents.execute(ctx.state.app, ctx.params.id!, query);
    sendEnvelope(ctx, { data: page.events.map(auditEntry), count: page.events.length, cursor: page.cursor });
  });
}
