import {
  RoomCommandsOverUnits,
  type AddMembersCommand,
  type AllowCommand,
  type BlockCommand,
  type CreateRoomCommand,
  type DeleteAttributesCommand,
  type DeleteUserCommand,
  type DissolveCommand,
  type ModifyRoomCommand,
  type MuteCommand,
  type PromoteAdminCommand,
  type RemoveFromListCommand,
  type RemoveMemberCommand,
  type RemoveMembersCommand,
  type SetAdminCommand,
  type SetAttributesCommand,
  type SuperAdminCommand,
  type TransferCommand,
  type UnitOfWork,
  type UnmuteCommand,
  type UpdateRoomCommand,
} from '@chatroom/domain';
import type { Kysely, RawBuilder } from 'kysely';
import type { KeyedTransactions } from './keyed-transactions.js';
import { AdminCommandStatements } from './mariadb-admin-commands.js';
import { answerOf, type Answer } from './mariadb-command-statement.js';
import { ListCommandStatements } from './mariadb-list-statements.js';
import { RoomCommandStatements } from './mariadb-room-statements.js';
import { SettingsCommandStatements } from './mariadb-settings-statements.js';
import { UserCommandStatements } from './mariadb-user-statements.js';
import type { Database } from './schema/database.js';
import { withRetries } from './write-retries.js';

/**
 * The guarded commands on MariaDB, each ONE anonymous compound statement (mariadb-command-statement.ts):
 * one round trip holding its own transaction, which checks the guards in the order the port
 * lists them, writes, stores the events with their deliveries (the outbox's statements), and
 * answers which guard refused. MariaDB has no data-modifying CTEs, so the statements inside are
 * the repositories' own, guarded by what the ones before found (ROW_COUNT(), variables), in
 * the store's lock order: the room first, then memberships, then the users' counters (in
 * username order), then the app's. Run again whole after a deadlock or a foreign-key race, as a
 * unit of work is. Every command of the port is written here.
 *
 * Under a keyed request (Idempotency-Key) a command is a unit of work over the repositories: it must join that
 * request's transaction, so that the change and the stored response commit together, and a
 * compound statement with a transaction of its own would commit on its own.
 */
export class MariadbRoomCommands extends RoomCommandsOverUnits {
  private readonly rooms: RoomCommandStatements;
  private readonly admins: AdminCommandStatements;
  private readonly lists: ListCommandStatements;
  private readonly settings: SettingsCommandStatements;
  private readonly users: UserCommandStatements;

  constructor(
    uow: Pick<UnitOfWork, 'write'>,
    private readonly db: Kysely<Database>,
    private readonly onRetry: (attempt: number, code: string) => void,
    private readonly keyed: KeyedTransactions | undefined,
    private readonly onEventsCommitted: () => void,
  ) {
    super(uow);
    const send = <R>(build: () => RawBuilder<unknown>) => this.send<R>(build);
    this.rooms = new RoomCommandStatements(send);
    this.admins = new AdminCommandStatements(send);
    this.lists = new ListCommandStatements(send);
    this.settings = new SettingsCommandStatements(send);
    this.users = new UserCommandStatements(send);
  }

  /** Whether a command must run as a unit of work (under a keyed request: see the class). */
  private get keyedRequest(): boolean {
    return this.keyed?.getStore() !== undefined;
  }

  /** Sends the statement `build` makes (again after a deadlock) and wakes the delivery worker when it stored events. */
  private async send<R>(build: () => RawBuilder<unknown>): Promise<Answer & R> {
    const answer = await withRetries(() => answerOf<R>(this.db, build()), this.onRetry);
    if (answer.stored) this.onEventsCommitted();
    return answer;
  }

  override createRoom(c: CreateRoomCommand) {
    return this.keyedRequest ? super.createRoom(c) : this.rooms.createRoom(c);
  }

  override addMembers(c: AddMembersCommand) {
    return this.keyedRequest ? super.addMembers(c) : this.rooms.addMembers(c);
  }

  override removeMember(c: RemoveMemberCommand) {
    return this.keyedRequest ? super.removeMember(c) : this.rooms.removeMember(c);
  }

  override transfer(c: TransferCommand) {
    return this.keyedRequest ? super.transfer(c) : this.rooms.transfer(c);
  }

  override dissolve(c: DissolveCommand) {
    return this.keyedRequest ? super.dissolve(c) : this.rooms.dissolve(c);
  }

  override mute(c: MuteCommand) {
    return this.keyedRequest ? super.mute(c) : this.rooms.mute(c);
  }

  override promoteAdmin(c: PromoteAdminCommand) {
    return this.keyedRequest ? super.promoteAdmin(c) : this.admins.promoteAdmin(c);
  }

  override demoteAdmin(c: SetAdminCommand) {
    return this.keyedRequest ? super.demoteAdmin(c) : this.admins.demoteAdmin(c);
  }

  override updateRoom(c: UpdateRoomCommand) {
    return this.keyedRequest ? super.updateRoom(c) : this.admins.updateRoom(c);
  }

  override unmute(c: UnmuteCommand) {
    return this.keyedRequest ? super.unmute(c) : this.rooms.unmute(c);
  }

  override block(c: BlockCommand) {
    return this.keyedRequest ? super.block(c) : this.lists.block(c);
  }

  override removeMembers(c: RemoveMembersCommand) {
    return this.keyedRequest ? super.removeMembers(c) : this.lists.removeMembers(c);
  }

  override allow(c: AllowCommand) {
    return this.keyedRequest ? super.allow(c) : this.lists.allow(c);
  }

  override removeFromList(c: RemoveFromListCommand) {
    return this.keyedRequest ? super.removeFromList(c) : this.lists.removeFromList(c);
  }

  override setSuperAdmin(c: SuperAdminCommand) {
    return this.keyedRequest ? super.setSuperAdmin(c) : this.lists.setSuperAdmin(c);
  }

  override modifyRoom(c: ModifyRoomCommand) {
    return this.keyedRequest ? super.modifyRoom(c) : this.settings.modifyRoom(c);
  }

  override setAttributes(c: SetAttributesCommand) {
    return this.keyedRequest ? super.setAttributes(c) : this.settings.setAttributes(c);
  }

  override deleteAttributes(c: DeleteAttributesCommand) {
    return this.keyedRequest ? super.deleteAttributes(c) : this.settings.deleteAttributes(c);
  }

  override deleteUser(c: DeleteUserCommand) {
    return this.keyedRequest ? super.deleteUser(c) : this.users.deleteUser(c);
  }
}
