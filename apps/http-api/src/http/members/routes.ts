import { sendEnvelope } from '../envelope.js';
import { firstValues, pageQuery } from '../route-kit/fields.js';
import { usernamesSchema } from '../route-kit/usernames.js';
import { validate } from '../route-kit/validate.js';
import { affiliationItem } from '../route-kit/affiliation-item.js';
import { commaList, isCommaList } from '../route-kit/comma-list.js';
import type { AppRouter, RouteKit } from '../route-kit/route-kit.js';
import { userResultItem } from '../route-kit/user-results.js';

const ADD = 'add_member';
const REMOVE = 'remove_member';

/** §5.1: list, add one, add a batch, remove one, remove a batch. */
export function memberRoutes(router: AppRouter, { useCases, tenant, auth, json }: RouteKit): void {
  router.get('/:org/:app/chatrooms/:id/users', tenant, auth, async (ctx) => {
    const query = validate(pageQuery, firstValues(ctx.query), 'query');
    const members = await useCases.listMembers.execute(ctx.state.app, ctx.params.id!, query);
    sendEnvelope(ctx, {
      data: members.map(affiliationItem),
      count: members.length,
    });
  });

  router.post('/:org/:app/chatrooms/:id/users/:username', tenant, auth, async (ctx) => {
    const id = ctx.params.id!;
    const [user] = await useCases.addMembers.execute(ctx.state.app, id, [ctx.params.username!]);
    sendEnvelope(ctx, { data: { result: true, action: ADD, id, user } });
  });

  router.post('/:org/:app/chatrooms/:id/users', tenant, auth, json, async (ctx) => {
    const id = ctx.params.id!;
    const { usernames } = validate(usernamesSchema, ctx.request.body);
    const newmembers = await useCases.addMembers.execute(ctx.state.app, id, usernames);
    sendEnvelope(ctx, { data: { newmembers, action: ADD, id } });
  });

  // One path for both forms: a comma in the segment asks for the batch (per-user results).
  router.delete('/:org/:app/chatrooms/:id/users/:usernames', tenant, auth, async (ctx) => {
    const id = ctx.params.id!;
    const raw = ctx.params.usernames!;
    if (isCommaList(raw)) {
      const results = await useCases.removeMembers.many(ctx.state.app, id, commaList(raw));
      sendEnvelope(ctx, { data: results.map((r) => userResultItem(REMOVE, 'id', id, r)) });
    } else {
      const user = await useCases.removeMembers.one(ctx.state.app, id, raw);
      sendEnvelope(ctx, { data: { result: true, action: REMOVE, user, id } });
    }
  });
}
