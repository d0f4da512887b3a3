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
} from '../../model/chatroom.js';
import { parseUserId, parseUserIds } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

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

    const fields = {
      appId: app.id,
      name: input.name,
      description: input.description,
      maxUsers,
      owner,
      custom,
      created: input.created ?? this.deps.clock.now(),
      muteAll: false,
    };
    // The room's id is the store's to draw: the events get it there.
    const created = roomEvents.created(app, { ...fields, id: '', seq: 0, memberCount: 0 }, members, 1 + members.length);
    const wording = {
      userCap: errors.userRoomCapExceeded,
      quotaExceeded: () => errors.roomQuotaExceeded(app.org, app.name),
    };
    const command = {
      room: input.roomId === undefined ? fields : { ...fields, id: input.roomId },
      members,
      roomQuota: app.settings.roomQuota,
      joinedRoomCap: app.settings.joinedRoomCap,
      created,
    };
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.deps.uow.commands.createRoom(command);
      // A drawn id can only collide with a caller-chosen numeric one: draw again, a few times.
      if (outcome.refused === 'id-taken' && input.roomId === undefined && attempt < MAX_ID_ATTEMPTS) continue;
      return doneOrThrow(outcome, input.roomId ?? '', wording);
    }
  }
}
