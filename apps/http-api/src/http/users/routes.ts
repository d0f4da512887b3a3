import type { User } from '@chatroom/domain';
import { sendEnvelope } from '../envelope.js';
import { registerUserSchema, registerUsersSchema } from './schemas.js';
import { validate } from '../route-kit/validate.js';
import type { AppRouter, RouteKit } from '../route-kit/route-kit.js';

/** A user as the reference's `entities` show it. */
function userEntity(user: User) {
  return {
    uuid: user.uuid,
    type: 'user',
    created: user.created,
    modified: user.modified,
    username: user.username,
    activated: true,
    ...(user.nickname !== null && { nickname: user.nickname }),
  };
}

export function userRoutes(router: AppRouter, { useCases, tenant, auth, json }: RouteKit): void {
  // Open registration is off: registering needs an app token, like every other call.
  router.post('/:org/:app/users', tenant, auth, json, async (ctx) => {
    const body: unknown = ctx.request.body;
    const inputs = Array.isArray(body)
      ? validate(registerUsersSchema, body, 'users')
      : [validate(registerUserSchema, body)];
    const { created, failed } = await useCases.registerUsers.execute(ctx.state.app, inputs);
    sendEnvelope(ctx, {
      path: '/users',
      entities: created.map(userEntity),
      data: failed.map((f) => ({ username: f.username, registerUserFailReason: f.reason })),
    });
  });

  router.get('/:org/:app/users/:username', tenant, auth, async (ctx) => {
    const user = await useCases.getUser.execute(ctx.state.app, ctx.params.username!);
    sendEnvelope(ctx, { path: '/users', entities: [userEntity(user)], data: [], count: 1 });
  });

  router.delete('/:org/:app/users/:username', tenant, auth, async (ctx) => {
    const user = await useCases.deleteUser.execute(ctx.state.app, ctx.params.username!);
    sendEnvelope(ctx, { path: '/users', entities: [userEntity(user)], data: [] });
  });
}
