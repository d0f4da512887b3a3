import { sendEnvelope } from '../envelope.js';
import { muteMembersSchema } from './schemas.js';
import { validate } from '../route-kit/validate.js';
import { commaList } from '../route-kit/comma-list.js';
import type { AppRouter, RouteKit } from '../route-kit/route-kit.js';

/** §5.4: the mute list, mute, unmute, and mute-all (`ban`) on and off. */
export function muteRoutes(router: AppRouter, { useCases, tenant, auth, json }: RouteKit): void {
  router.get('/:org/:app/chatrooms/:id/mute', tenant, auth, async (ctx) => {
    const mutes = await useCases.listMutes.execute(ctx.state.app, ctx.params.id!);
    sendEnvelope(ctx, { data: mutes.map((m) => ({ expire: m.expiresAt, user: m.username })), count: mutes.length });
  });

  router.post('/:org/:app/chatrooms/:id/mute', tenant, auth, json, async (ctx) => {
    const body = validate(muteMembersSchema, ctx.request.body);
    const mutes = await useCases.muteMembers.execute(ctx.state.app, ctx.params.id!, body.usernames, body.mute_duration);
    sendEnvelope(ctx, { data: mutes.map((m) => ({ result: true, expire: m.expiresAt, user: m.username })) });
  });

  router.delete('/:org/:app/chatrooms/:id/mute/:members', tenant, auth, async (ctx) => {
    const users = await useCases.unmuteMembers.execute(ctx.state.app, ctx.params.id!, commaList(ctx.params.members!));
    sendEnvelope(ctx, { data: users.map((user) => ({ result: true, user })) });
  });

  router.post('/:org/:app/chatrooms/:id/ban', tenant, auth, async (ctx) => {
    const mute = await useCases.setMuteAll.execute(ctx.state.app, ctx.params.id!, true);
    sendEnvelope(ctx, { data: { mute } });
  });

  router.delete('/:org/:app/chatrooms/:id/ban', tenant, auth, async (ctx) => {
    const mute = await useCases.setMuteAll.execute(ctx.state.app, ctx.params.id!, false);
    sendEnvelope(ctx, { data: { mute } });
  });
}
