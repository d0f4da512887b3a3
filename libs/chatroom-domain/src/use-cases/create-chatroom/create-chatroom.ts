import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import {
  assertCustom,
  assertCustomRoomId,
  assertDescription,
  assertMaxUsers,
  assertName,
  DEFAULT_MAX_USERS,
  fitsMaxUsers,
  type Chatroom,
} from '../../model/chatroom.js';
import { parseUserId, parseUserIds, type UserId } from '../../model/user-id.js';
import type { Repositories } from '../../ports/unit-of-work.js';
import type { Dependencies } from '../dependencies.js';
import { joinOrThrow, requireUsers } from '../room-guards.js';

export interface CreateChatroomInput {
  readonly name: string;
  readonly description: string;
  readonly owner: string;
  readonly maxUsers?: number;
  readonly members?: readonly string[];
  readonly custom?: string;
  readonly roomId?: string;
  /** The creation time to keep (an import keeps the source's); default: now. */
  readonly created?: number;
}

/** A generated id can only collide with a caller-chosen numeric one; a few tries suffice. */
const MAX_ID_ATTEMPTS = 5;

/** `POST /chatrooms`. */
export class CreateChatroom {
  constructor(private readonly deps: Pick<Dependencies, 'uow' | 'clock'>) {}

  async execute(app: App, input: CreateChatroomInput): Promise<{ id: string }> {
    assertName(input.name);
    assertDescription(input.description);
    const custom = input.custom ?? '';
    assertCustom(custom);
    // An app whose ceiling is below the default gets its ceiling as the default.
    const maxUsers = input.maxUsers ?? Math.min(DEFAULT_MAX_USERS, app.settings.maxUsersCeiling);
    assertMaxUsers(maxUsers, app.settings);
    if (input.roomId !== undefined) {
      if (!app.settings.customRoomIds) {
        throw errors.invalidParameter('roomid is not enabled for this app');
      }
      assertCustomRoomId(input.roomId);
    }
    const owner = parseUserId(input.owner);
    if (input.members !== undefined && input.members.length === 0) {
      throw errors.invalidParameter('members must contain at least one element');
    }
    const members = parseUserIds(input.members ?? []).filter((m) => m !== owner);
    if (!fitsMaxUsers(1 + members.length, maxUsers)) throw errors.membersExceedMaxUsers();

    return this.deps.uow.write(async (r) => {
      await requireUsers(r, app, [owner, ...members]);
      const room = await this.insertRoom(r, app, input, { owner, maxUsers, custom });
      const { id } = room;
      await joinOrThrow(r, app, id, [owner], 'owner', errors.userRoomCapExceeded);
      const joined = members.length > 0 ? await joinOrThrow(r, app, id, members, 'member', errors.userRoomCapExceeded) : { added: [] };
      r.events.append(...roomEvents.created(app, room, joined.added, joined.memberCount));
      return { id };
    });
  }

  private async insertRoom(
    r: Repositories,
    app: App,
    input: CreateChatroomInput,
    fields: { owner: UserId; maxUsers: number; custom: string },
  ): Promise<Chatroom> {
    let lastTried = '';
    for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
      const seq = await r.ids.next();
      const room: Chatroom = {
        appId: app.id,
        id: input.roomId ?? String(seq),
        seq,
        name: input.name,
        description: input.description,
        maxUsers: fields.maxUsers,
        owner: fields.owner,
        custom: fields.custom,
        created: input.created ?? this.deps.clock.now(),
        muteAll: false,
        memberCount: 0,
      };
      lastTried = room.id;
      const outcome = await r.chatrooms.insert(room, app.settings.roomQuota);
      if (outcome === 'inserted') return room;
      if (outcome === 'quota-exceeded') throw errors.roomQuotaExceeded(app.org, app.name);
      if (input.roomId !== undefined) throw errors.chatroomIdTaken(input.roomId);
    }
    throw errors.chatroomIdTaken(lastTried);
  }
}
