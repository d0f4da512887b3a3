import { sendEnvelope } from '../envelope.js';
import { promoteAdminSchema } from './schemas.js';
import { validate } from '../route-kit/validate.js';
import type { AppRouter, RouteKit } from '../route-kit/route-kit.js';

/** §5.2: list, promote, demote. `result` is the string "success", as in the reference's examples. */
export function adminRoutes(router: AppRouter, { useCases, tenant, auth, json }: RouteKit): void {
  router.get('/:org/:app/chatrooms/:id/admin', tenant, auth, async (ctx) => {
    const admins = await useCases.listAdmins.execute(ctx.state.app, ctx.params.id!);
    sendEnvelope(ctx, { data: admins, count: admins.length });
  });

  router.post('/:org/:app/chatrooms/:id/admin', tenant, auth, json, async (ctx) => {
    const { newadmin } = validate(promoteAdminSchema, ctx.request.body);
    const user = await useCases.promoteAdmin.execute(ctx.state.app, ctx.params.id!, newadmin);
    sendEnvelope(ctx, { data: { result: 'success', newadmin: user } });
  });

  router.delete('/:org/:app/chatrooms/:id/admin/:oldadmin', tenant, auth, async (ctx) => {
    const user = await useCases.demoteAdmin.execute(ctx.state.app, ctx.params.id!, ctx.params.oldadmin!);
    sendEnvelope(ctx, { data: { result: 'success', oldadmin: user } });
  });
}
