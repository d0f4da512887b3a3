import { tokenRequestSchema } from './schemas.js';
import { validate } from '../route-kit/validate.js';
import type { AppRouter, RouteKit } from '../route-kit/route-kit.js';

export function tokenRoutes(router: AppRouter, { useCases, tenant, tokenGuards }: RouteKit): void {
  // The reference's token response is a bare object, without the envelope.
  router.post('/:org/:app/token', tenant, ...tokenGuards, async (ctx) => {
    const body = validate(tokenRequestSchema, ctx.request.body);
    const issued = await useCases.issueAppToken.execute(ctx.state.app, {
      grantType: body.grant_type,
      clientId: body.client_id,
      clientSecret: body.client_secret,
      ttlSeconds: body.ttl,
    });
    ctx.body = {
      access_token: issued.accessToken,
      expires_in: issued.expiresIn,
      application: issued.application,
    };
  });
}
