import { sendEnvelope } from '../envelope.js';
import { firstValues, pageQuery } from '../route-kit/fields.js';
import { addSuperAdminSchema } from './schemas.js';
import { validate } from '../route-kit/validate.js';
import type { AppRouter, RouteKit } from '../route-kit/route-kit.js';

/**
 * §5.3, app-level. `super_admin` is a literal segment: it wins over `chatrooms/:ids` (fewer
 * parameters), and over `chatrooms/:id/ban` (as many) because this module is registered
 * first (see app.ts).
 */
export function superAdminRoutes(router: AppRouter, { useCases, tenant, auth, json }: RouteKit): void {
  router.get('/:org/:app/chatrooms/super_admin', tenant, auth, async (ctx) => {
    const query = validate(pageQuery, firstValues(ctx.query), 'query');
    const superAdmins = await useCases.listSuperAdmins.execute(ctx.state.app, query);
    sendEnvelope(ctx, { data: superAdmins, count: superAdmins.length });
  });

  router.post('/:org/:app/chatrooms/super_admin', tenant, auth, json, async (ctx) => {
    const { superadmin } = validate(addSuperAdminSchema, ctx.request.body);
    await useCases.addSuperAdmin.execute(ctx.state.app, superadmin);
    sendEnvelope(ctx, { data: { result: 'success', resource: '' } });
  });

  // The reference's key really is `newSuperAdmin`, though it names the revoked user.
  router.delete('/:org/:app/chatrooms/super_admin/:superAdmin', tenant, auth, async (ctx) => {
    const user = await useCases.removeSuperAdmin.execute(ctx.state.app, ctx.params.superAdmin!);
    sendEnvelope(ctx, { data: { newSuperAdmin: user, resource: '' } });
  });
}
