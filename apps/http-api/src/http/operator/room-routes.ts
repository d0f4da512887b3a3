import type { Chatroom } from '@chatroom/domain';
import * as z from 'zod';
import type { Operation } from '../openapi/operation.js';
import type { AppRouter } from '../route-kit/route-kit.js';
import { firstValues } from '../route-kit/fields.js';
import { validate } from '../route-kit/validate.js';
import { ADMIN_PREFIX, type OperatorKit } from './operator-kit.js';

const ROOMS = `${ADMIN_PREFIX}/apps/{org}/{app}/rooms`;

const roomRow = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  owner: z.string(),
  max_users: z.number().int(),
  member_count: z.number().int(),
  mute_all: z.boolean(),
  custom: z.string(),
  created: z.number().int(),
});
const ROOM_EXAMPLE = {
  id: '100000000000001',
  name: 'lobby',
  description: 'where everyone meets',
  owner: 'alice',
  max_users: 200,
  member_count: 2,
  mute_all: false,
  custom: '',
  created: 1764374400000,
};
const searchQuery = z.strictObject({
  limit: z.coerce.number().int().optional().meta({ description: '1–1000, default 10', example: 20 }),
  cursor: z.string().optional().meta({ description: 'From the previous page', example: 'MTAw' }),
  id: z.string().max(64).optional().meta({ description: 'Exactly this room', example: '100000000000001' }),
  name: z.string().max(128).optional().meta({ description: 'Rooms whose name starts with this', example: 'lob' }),
  owner: z.string().max(64).optional().meta({ description: 'Rooms this user owns', example: 'alice' }),
});
const details = z.strictObject({
  room: roomRow,
  members: z.array(z.strictObject({ username: z.string(), role: z.enum(['owner', 'admin', 'member']) })),
  mutes: z.array(z.strictObject({ username: z.string(), expires_at: z.number().int() })),
  blocklist: z.array(z.string()),
  allowlist: z.array(z.string()),
  announcement: z.string(),
  attributes: z.record(z.string(), z.string()),
});
const muteBody = z.strictObject({
  usernames: z
    .array(z.string())
    .min(1)
    .max(60)
    .meta({ example: ['bob'] }),
  duration: z.number().int().min(-1).meta({ description: 'Milliseconds; -1 mutes until unmuted', example: 60000 }),
});

export const roomOperations: readonly Operation[] = [
  {
    method: 'get',
    path: ROOMS,
    tag: 'operator: rooms',
    summary: "An app's rooms, newest first, keyset-paged; search by id, name prefix or owner",
    operator: true,
    query: searchQuery,
    response: {
      schema: z.strictObject({ rooms: z.array(roomRow), cursor: z.string().optional() }),
      example: { rooms: [ROOM_EXAMPLE], cursor: 'MTAw' },
    },
    errors: [400, 401, 404, 500, 503],
  },
  {
    method: 'get',
    path: `${ROOMS}/{id}`,
    tag: 'operator: rooms',
    summary: 'A room: members and roles, mutes, blocklist, allowlist, announcement, attributes',
    operator: true,
    response: {
      schema: details,
      example: {
        room: ROOM_EXAMPLE,
        members: [
          { username: 'alice', role: 'owner' },
          { username: 'bob', role: 'member' },
        ],
        mutes: [{ username: 'bob', expires_at: 1764374460000 }],
        blocklist: [],
        allowlist: [],
        announcement: '',
        attributes: { topic: 'news' },
      },
    },
    errors: [400, 401, 404, 500, 503],
  },
  {
    method: 'delete',
    path: `${ROOMS}/{id}`,
    tag: 'operator: rooms',
    summary: 'Dissolve the room (the same use case and events as the Easemob API)',
    operator: true,
    keyed: true,
    response: { schema: z.strictObject({ dissolved: z.string() }), example: { dissolved: '100000000000001' } },
    errors: [400, 401, 403, 404, 500, 503],
  },
  {
    method: 'delete',
    path: `${ROOMS}/{id}/members/{username}`,
    tag: 'operator: rooms',
    summary: 'Remove a member (the same use case and events as the Easemob API)',
    operator: true,
    keyed: true,
    response: { schema: z.strictObject({ removed: z.string() }), example: { removed: 'bob' } },
    errors: [400, 401, 403, 404, 500, 503],
  },
  {
    method: 'post',
    path: `${ROOMS}/{id}/mutes`,
    tag: 'operator: rooms',
    summary: 'Mute members (the same use case and events as the Easemob API)',
    operator: true,
    keyed: true,
    body: { schema: muteBody, example: { usernames: ['bob'], duration: 60000 } },
    response: {
      schema: z.strictObject({
        mutes: z.array(z.strictObject({ username: z.string(), expires_at: z.number().int() })),
      }),
      example: { mutes: [{ username: 'bob', expires_at: 1764374460000 }] },
    },
    errors: [400, 401, 403, 404, 413, 415, 500, 503],
  },
];

export function roomView(room: Chatroom) {
  return {
    id: room.id,
    name: room.name,
    description: room.description,
    owner: room.owner,
    max_users: room.maxUsers,
    member_count: room.memberCount,
    mute_all: room.muteAll,
    custom: room.custom,
    created: room.created,
  };
}

export function roomRoutes(router: AppRouter, { useCases, api, signedIn, adminOnly, tenant, json }: OperatorKit): void {
  const base = `${ADMIN_PREFIX}/apps/:org/:app/rooms`;

  router.get(base, signedIn, tenant, async (ctx) => {
    const query = validate(searchQuery, firstValues(ctx.query), 'query');
    const page = await api.searchRooms.execute(ctx.state.app, {
      limit: query.limit,
      cursor: query.cursor,
      id: query.id,
      namePrefix: query.name,
      owner: query.owner,
    });
    ctx.body = { rooms: page.rooms.map(roomView), ...(page.cursor && { cursor: page.cursor }) };
  });

  router.get(`${base}/:id`, signedIn, tenant, async (ctx) => {
    const { app } = ctx.state;
    const id = ctx.params.id!;
    const [found] = await useCases.getChatroomDetails.execute(app, [id]);
    const [mutes, blocklist, allowlist, announcement, attributes] = await Promise.all([
      useCases.listMutes.execute(app, id),
      useCases.listRoomUsers.execute(app, id, 'blocklist'),
      useCases.listRoomUsers.execute(app, id, 'allowlist'),
      useCases.getAnnouncement.execute(app, id),
      useCases.getRoomAttributes.execute(app, id),
    ]);
    ctx.body = {
      room: roomView(found!.room),
      members: found!.affiliations.map((a) => ({ username: a.username, role: a.role })),
      mutes: mutes.map((m) => ({ username: m.username, expires_at: m.expiresAt })),
      blocklist,
      allowlist,
      announcement,
      attributes,
    };
  });

  router.delete(`${base}/:id`, signedIn, adminOnly, tenant, async (ctx) => {
    const { id } = await useCases.dissolveChatroom.execute(ctx.state.app, ctx.params.id!);
    ctx.body = { dissolved: id };
  });

  router.delete(`${base}/:id/members/:username`, signedIn, adminOnly, tenant, async (ctx) => {
    const removed = await useCases.removeMembers.one(ctx.state.app, ctx.params.id!, ctx.params.username!);
    ctx.body = { removed };
  });

  router.post(`${base}/:id/mutes`, signedIn, adminOnly, tenant, json, async (ctx) => {
    const body = validate(muteBody, ctx.request.body);
    const mutes = await useCases.muteMembers.execute(ctx.state.app, ctx.params.id!, body.usernames, body.duration);
    ctx.body = { mutes: mutes.map((m) => ({ username: m.username, expires_at: m.expiresAt })) };
  });
}
