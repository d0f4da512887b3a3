import { sendEnvelope } from '../envelope.js';
import { deleteRoomAttributesSchema, getRoomAttributesSchema, setRoomAttributesSchema } from './schemas.js';
import { validate } from '../route-kit/validate.js';
import type { AppRouter, RouteKit } from '../route-kit/route-kit.js';

/**
 * §5.8: custom attributes. The reference shows a slimmer envelope; decisions.md gives them the
 * whole one like every other success (deletes keep the reference's `status: "ok"`). Per-key
 * refusals are `errorKeys` of a 200; the `/forced` variants may touch keys other members own.
 */
export function roomAttributeRoutes(router: AppRouter, { useCases, tenant, auth, json }: RouteKit): void {
  const userPath = '/:org/:app/metadata/chatroom/:id/user/:username';

  for (const forced of [false, true]) {
    const path = forced ? `${userPath}/forced` : userPath;

    router.put(path, tenant, auth, json, async (ctx) => {
      const body = validate(setRoomAttributesSchema, ctx.request.body);
      const data = await useCases.setRoomAttributes.execute(ctx.state.app, ctx.params.id!, ctx.params.username!, {
        metaData: body.metaData,
        autoDelete: body.autoDelete,
        forced,
      });
      sendEnvelope(ctx, { data });
    });

    // DELETE with a JSON body, as the reference documents it.
    router.delete(path, tenant, auth, json, async (ctx) => {
      const { keys } = validate(deleteRoomAttributesSchema, ctx.request.body);
      const data = await useCases.deleteRoomAttributes.execute(
        ctx.state.app,
        ctx.params.id!,
        ctx.params.username!,
        keys,
        forced,
      );
      sendEnvelope(ctx, { data, status: 'ok' });
    });
  }

  // Reading is a POST: the key list travels in the body.
  router.post('/:org/:app/metadata/chatroom/:id', tenant, auth, json, async (ctx) => {
    const { keys } = validate(getRoomAttributesSchema, ctx.request.body);
    const data = await useCases.getRoomAttributes.execute(ctx.state.app, ctx.params.id!, keys);
    sendEnvelope(ctx, { data });
  });
}
