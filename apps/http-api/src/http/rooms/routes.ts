import type { Chatroom, ChatroomDetails } from '@chatroom/domain';
import { sendEnvelope } from '../envelope.js';
import { createChatroomSchema, listChatroomsQuery, modifyChatroomSchema, transferChatroomSchema } from './schemas.js';
import { firstValues, pageQuery } from '../route-kit/fields.js';
import { validate } from '../route-kit/validate.js';
import type { AppContext } from '../state.js';
import { affiliationItem } from '../route-kit/affiliation-item.js';
import { commaList } from '../route-kit/comma-list.js';
import type { AppRouter, RouteKit } from '../route-kit/route-kit.js';

function summary(room: Chatroom) {
  return { id: room.id, name: room.name, owner: room.owner, affiliations_count: room.memberCount };
}

/** The reference's detail fields, plus `mute`; the fields this service has no notion of have fixed values. */
function details({ room, affiliations }: ChatroomDetails) {
  return {
    id: room.id,
    name: room.name,
    description: room.description,
    membersonly: false,
    allowinvites: false,
    maxusers: room.maxUsers,
    owner: room.owner,
    created: room.created,
    custom: room.custom,
    mute: room.muteAll,
    affiliations_count: room.memberCount,
    affiliations: affiliations.map(affiliationItem),
    public: true,
  };
}

function isObject(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}

export function chatroomRoutes(router: AppRouter, kit: RouteKit): void {
  const { useCases, tenant, auth, json } = kit;

  router.get('/:org/:app/chatrooms', tenant, auth, async (ctx) => {
    const query = validate(listChatroomsQuery, firstValues(ctx.query), 'query');
    const page = await useCases.listChatrooms.execute(ctx.state.app, query);
    sendEnvelope(ctx, { data: page.rooms.map(summary), count: page.rooms.length, cursor: page.cursor });
  });

  router.get('/:org/:app/users/:username/joined_chatrooms', tenant, auth, async (ctx) => {
    const query = validate(pageQuery, firstValues(ctx.query), 'query');
    const rooms = await useCases.listJoinedChatrooms.execute(ctx.state.app, ctx.params.username!, query);
    sendEnvelope(ctx, {
      data: rooms.map((r) => ({ id: r.id, name: r.name, disabled: 'false' })),
      count: rooms.length,
    });
  });

  // A literal segment registered later (e.g. `chatrooms/super_admin`) wins over `:ids`: the
  // router runs the matching route with the fewest parameters (see app.ts).
  router.get('/:org/:app/chatrooms/:ids', tenant, auth, async (ctx) => {
    const rooms = await useCases.getChatroomDetails.execute(ctx.state.app, commaList(ctx.params.ids!));
    sendEnvelope(ctx, { data: rooms.map(details), count: rooms.length });
  });

  router.post('/:org/:app/chatrooms', tenant, auth, json, async (ctx) => {
    const body = validate(createChatroomSchema, ctx.request.body);
    const created = await useCases.createChatroom.execute(ctx.state.app, {
      name: body.name,
      description: body.description,
      owner: body.owner,
      maxUsers: body.maxusers,
      members: body.members,
      custom: body.custom,
      roomId: body.roomid,
    });
    sendEnvelope(ctx, { data: { id: created.id } });
  });

  // Modify and transfer share the verb and path; `newowner` in the body selects transfer.
  router.put('/:org/:app/chatrooms/:id', tenant, auth, json, async (ctx) => {
    const body: unknown = ctx.request.body;
    if (isObject(body) && 'newowner' in body) await transfer(ctx, ctx.params.id!, body);
    else await modify(ctx, ctx.params.id!, body);
  });

  async function modify(ctx: AppContext, id: string, raw: unknown): Promise<void> {
    const body = validate(modifyChatroomSchema, raw);
    const changed = await useCases.modifyChatroom.execute(ctx.state.app, id, {
      name: body.name,
      description: body.description,
      maxUsers: body.maxusers,
    });
    // Easemob's answer names the changed fields by their wire keys.
    const data = {
      ...(changed.name && { groupname: true }),
      ...(changed.description && { description: true }),
      ...(changed.maxUsers && { maxusers: true }),
    };
    sendEnvelope(ctx, { data });
  }

  async function transfer(ctx: AppContext, id: string, raw: unknown): Promise<void> {
    const body = validate(transferChatroomSchema, raw);
    await useCases.transferChatroom.execute(ctx.state.app, id, body.newowner);
    sendEnvelope(ctx, { data: { newowner: true } });
  }

  router.delete('/:org/:app/chatrooms/:id', tenant, auth, async (ctx) => {
    const { id } = await useCases.dissolveChatroom.execute(ctx.state.app, ctx.params.id!);
    sendEnvelope(ctx, { data: { success: true, id } });
  });
}
