import type { RoomUserList } from '@chatroom/domain';
import { sendEnvelope } from '../envelope.js';
import { usernamesSchema } from '../route-kit/usernames.js';
import { validate } from '../route-kit/validate.js';
import { commaList, isCommaList } from '../route-kit/comma-list.js';
import type { AppRouter, RouteKit } from '../route-kit/route-kit.js';
import { userResultItem } from '../route-kit/user-results.js';

interface ListRoutes {
  readonly list: RoomUserList;
  /** `/chatrooms/{id}/{segment}/users…` */
  readonly segment: string;
  readonly addAction: string;
  readonly removeAction: string;
  /** The use case that puts users on the list (one, or a batch with per-user results). */
  readonly adder: 'blockUsers' | 'allowUsers';
  /**
   * The blocklist has a one-user removal answering one object; the allowlist's removal always
   * answers an array, even for one user.
   */
  readonly singleRemoval: boolean;
}

const LISTS: readonly ListRoutes[] = [
  {
    list: 'blocklist',
    segment: 'blocks',
    addAction: 'add_blocks',
    removeAction: 'remove_blocks',
    adder: 'blockUsers',
    singleRemoval: true,
  },
  {
    list: 'allowlist',
    segment: 'white',
    addAction: 'add_user_whitelist',
    removeAction: 'remove_user_whitelist',
    adder: 'allowUsers',
    singleRemoval: false,
  },
];

/** §5.5 blocklist and §5.6 allowlist: the same five calls over two lists. */
export function roomUserListRoutes(router: AppRouter, { useCases, tenant, auth, json }: RouteKit): void {
  for (const { list, segment, addAction, removeAction, adder, singleRemoval } of LISTS) {
    const base = `/:org/:app/chatrooms/:id/${segment}/users`;

    router.get(base, tenant, auth, async (ctx) => {
      const users = await useCases.listRoomUsers.execute(ctx.state.app, ctx.params.id!, list);
      sendEnvelope(ctx, { data: users, count: users.length });
    });

    router.post(`${base}/:username`, tenant, auth, async (ctx) => {
      const chatroomid = ctx.params.id!;
      const user = await useCases[adder].one(ctx.state.app, chatroomid, ctx.params.username!);
      sendEnvelope(ctx, { data: { result: true, action: addAction, user, chatroomid } });
    });

    router.post(base, tenant, auth, json, async (ctx) => {
      const chatroomid = ctx.params.id!;
      const { usernames } = validate(usernamesSchema, ctx.request.body);
      const results = await useCases[adder].many(ctx.state.app, chatroomid, usernames);
      sendEnvelope(ctx, { data: results.map((r) => userResultItem(addAction, 'chatroomid', chatroomid, r)) });
    });

    router.delete(`${base}/:usernames`, tenant, auth, async (ctx) => {
      const chatroomid = ctx.params.id!;
      const raw = ctx.params.usernames!;
      const results = await useCases.removeFromRoomUserList.execute(ctx.state.app, chatroomid, list, commaList(raw));
      const items = results.map((r) => userResultItem(removeAction, 'chatroomid', chatroomid, r));
      sendEnvelope(ctx, { data: singleRemoval && !isCommaList(raw) ? items[0] : items });
    });
  }
}
