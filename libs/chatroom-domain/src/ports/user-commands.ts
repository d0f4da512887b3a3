import type { RoomEvent } from '../model/room-event.js';
import type { User } from '../model/user.js';
import type { UserId } from '../model/user-id.js';
import type { Outcome } from './room-commands.js';

export interface DeleteUserCommand {
  readonly appId: string;
  readonly username: UserId;
  /** The `LEAVE`/`KICK` of each room the user leaves; the store sets its `roomId` and `memberCount`. */
  readonly left: RoomEvent;
  /**
   * `DELETE` and `LEAVE`/`DELETE` of each room the user owns, which goes with them; the store
   * sets their `roomId` and the latter's `payload.member` to the members the room had.
   */
  readonly dissolved: readonly [RoomEvent, RoomEvent];
}

/** The guarded commands on a user, each one atomic unit answering with an outcome (part of `RoomCommands`). */
export interface UserCommands {
  /**
   * Deletes the user with everything of theirs: they leave every room they are a member of,
   * the rooms they own are dissolved, their list entries, mutes and attributes go. Answers the
   * user as they were. Refusal: `user-missing`.
   */
  deleteUser(command: DeleteUserCommand): Promise<Outcome<{ user: User }>>;
}
