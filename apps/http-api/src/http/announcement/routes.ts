import { sendEnvelope } from '../envelope.js';
import { setAnnouncementSchema } from './schemas.js';
import { validate } from '../route-kit/validate.js';
import type { AppRouter, RouteKit } from '../route-kit/route-kit.js';

/** §5.7: get and set. */
export function announcementRoutes(router: AppRouter, { useCases, tenant, auth, json }: RouteKit): void {
  const path = '/:org/:app/chatrooms/:id/announcement';

  router.get(path, tenant, auth, async (ctx) => {
    const announcement = await useCases.getAnnouncement.execute(ctx.state.app, ctx.params.id!);
    sendEnvelope(ctx, { data: { announcement } });
  });

  // POST per every endpoint page; an old overview table said PUT, so that is accepted too.
  for (const method of ['post', 'put'] as const) {
    router[method](path, tenant, auth, json, async (ctx) => {
      const id = ctx.params.id!;
      const { announcement } = validate(setAnnouncementSchema, ctx.request.body);
      await useCases.setAnnouncement.execute(ctx.state.app, id, announcement);
      sendEnvelope(ctx, { data: { id, result: true } });
    });
  }
}
