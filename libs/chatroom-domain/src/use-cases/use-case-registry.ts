import { AddMembers } from './add-members/add-members.js';
import { AddSuperAdmin } from './add-super-admin/add-super-admin.js';
import { AllowUsers } from './allow-users/allow-users.js';
import { AuthenticateApp } from './authenticate-app/authenticate-app.js';
import { BlockUsers } from './block-users/block-users.js';
import { CreateApp } from './create-app/create-app.js';
import { CreateChatroom } from './create-chatroom/create-chatroom.js';
import { CreateDevelopmentApp } from './create-development-app/create-development-app.js';
import { DeleteApp } from './delete-app/delete-app.js';
import { DeleteRoomAttributes } from './delete-room-attributes/delete-room-attributes.js';
import { DeleteUser } from './delete-user/delete-user.js';
import { DemoteAdmin } from './demote-admin/demote-admin.js';
import { DissolveChatroom } from './dissolve-chatroom/dissolve-chatroom.js';
import { EnsureApp } from './ensure-app/ensure-app.js';
import { FindApp } from './find-app/find-app.js';
import { GetAnnouncement } from './get-announcement/get-announcement.js';
import { GetChatroomDetails } from './get-chatroom-details/get-chatroom-details.js';
import { GetRoomAttributes } from './get-room-attributes/get-room-attributes.js';
import { GetUser } from './get-user/get-user.js';
import { IssueAppToken } from './issue-app-token/issue-app-token.js';
import { ListAdmins } from './list-admins/list-admins.js';
import { ListApps } from './list-apps/list-apps.js';
import { ListChatrooms } from './list-chatrooms/list-chatrooms.js';
import { ListJoinedChatrooms } from './list-joined-chatrooms/list-joined-chatrooms.js';
import { ListMembers } from './list-members/list-members.js';
import { ListMutes } from './list-mutes/list-mutes.js';
import { ListRoomEvents } from './list-room-events/list-room-events.js';
import { ListRoomUsers } from './list-room-users/list-room-users.js';
import { ListSuperAdmins } from './list-super-admins/list-super-admins.js';
import { ModifyChatroom } from './modify-chatroom/modify-chatroom.js';
import { MuteMembers } from './mute-members/mute-members.js';
import { PromoteAdmin } from './promote-admin/promote-admin.js';
import { RegisterUsers } from './register-users/register-users.js';
import { RemoveFromRoomUserList } from './remove-from-room-user-list/remove-from-room-user-list.js';
import { RemoveMembers } from './remove-members/remove-members.js';
import { RemoveSuperAdmin } from './remove-super-admin/remove-super-admin.js';
import { RevokeAppTokens } from './revoke-app-tokens/revoke-app-tokens.js';
import { RotateAppSecret } from './rotate-app-secret/rotate-app-secret.js';
import { SealAppKeys } from './seal-app-keys/seal-app-keys.js';
import { SetAnnouncement } from './set-announcement/set-announcement.js';
import { SetAppLimits } from './set-app-limits/set-app-limits.js';
import { SetMuteAll } from './set-mute-all/set-mute-all.js';
import { SetRoomAttributes } from './set-room-attributes/set-room-attributes.js';
import { ShowApp } from './show-app/show-app.js';
import { TransferChatroom } from './transfer-chatroom/transfer-chatroom.js';
import { UnmuteMembers } from './unmute-members/unmute-members.js';
import type { Dependencies } from './dependencies.js';
import type { TokenPolicy } from './issue-app-token/issue-app-token.js';

/** What a use case may take besides the ports: the service's settings. */
export interface UseCaseSettings {
  readonly tokenPolicy: TokenPolicy;
}

/**
 * Every use case the service runs, one line each, under the name callers use
 * (`useCases.createChatroom`). The app builds them all from this list over the same ports
 * (its UseCases type is derived from it), so a new use case is registered here and nowhere else.
 */
export const USE_CASES = {
  findApp: (deps: Dependencies) => new FindApp(deps),
  authenticateApp: (deps: Dependencies) => new AuthenticateApp(deps),
  issueAppToken: (deps: Dependencies, settings: UseCaseSettings) => new IssueAppToken(deps, settings.tokenPolicy),
  ensureApp: (deps: Dependencies) => new EnsureApp(deps),
  createDevelopmentApp: (deps: Dependencies) => new CreateDevelopmentApp(deps),
  registerUsers: (deps: Dependencies) => new RegisterUsers(deps),
  getUser: (deps: Dependencies) => new GetUser(deps),
  deleteUser: (deps: Dependencies) => new DeleteUser(deps),
  listChatrooms: (deps: Dependencies) => new ListChatrooms(deps),
  listJoinedChatrooms: (deps: Dependencies) => new ListJoinedChatrooms(deps),
  getChatroomDetails: (deps: Dependencies) => new GetChatroomDetails(deps),
  createChatroom: (deps: Dependencies) => new CreateChatroom(deps),
  modifyChatroom: (deps: Dependencies) => new ModifyChatroom(deps),
  transferChatroom: (deps: Dependencies) => new TransferChatroom(deps),
  dissolveChatroom: (deps: Dependencies) => new DissolveChatroom(deps),
  listMembers: (deps: Dependencies) => new ListMembers(deps),
  addMembers: (deps: Dependencies) => new AddMembers(deps),
  removeMembers: (deps: Dependencies) => new RemoveMembers(deps),
  listAdmins: (deps: Dependencies) => new ListAdmins(deps),
  promoteAdmin: (deps: Dependencies) => new PromoteAdmin(deps),
  demoteAdmin: (deps: Dependencies) => new DemoteAdmin(deps),
  listSuperAdmins: (deps: Dependencies) => new ListSuperAdmins(deps),
  addSuperAdmin: (deps: Dependencies) => new AddSuperAdmin(deps),
  removeSuperAdmin: (deps: Dependencies) => new RemoveSuperAdmin(deps),
  listMutes: (deps: Dependencies) => new ListMutes(deps),
  muteMembers: (deps: Dependencies) => new MuteMembers(deps),
  unmuteMembers: (deps: Dependencies) => new UnmuteMembers(deps),
  setMuteAll: (deps: Dependencies) => new SetMuteAll(deps),
  listRoomUsers: (deps: Dependencies) => new ListRoomUsers(deps),
  blockUsers: (deps: Dependencies) => new BlockUsers(deps),
  allowUsers: (deps: Dependencies) => new AllowUsers(deps),
  removeFromRoomUserList: (deps: Dependencies) => new RemoveFromRoomUserList(deps),
  getAnnouncement: (deps: Dependencies) => new GetAnnouncement(deps),
  setAnnouncement: (deps: Dependencies) => new SetAnnouncement(deps),
  getRoomAttributes: (deps: Dependencies) => new GetRoomAttributes(deps),
  setRoomAttributes: (deps: Dependencies) => new SetRoomAttributes(deps),
  deleteRoomAttributes: (deps: Dependencies) => new DeleteRoomAttributes(deps),
  sealAppKeys: (deps: Dependencies) => new SealAppKeys(deps),
  createApp: (deps: Dependencies) => new CreateApp(deps),
  listApps: (deps: Dependencies) => new ListApps(deps),
  showApp: (deps: Dependencies) => new ShowApp(deps),
  rotateAppSecret: (deps: Dependencies) => new RotateAppSecret(deps),
  revokeAppTokens: (deps: Dependencies) => new RevokeAppTokens(deps),
  setAppLimits: (deps: Dependencies) => new SetAppLimits(deps),
  deleteApp: (deps: Dependencies) => new DeleteApp(deps),
  listRoomEvents: (deps: Dependencies) => new ListRoomEvents(deps),
} as const;

export type UseCaseRegistry = typeof USE_CASES;

/** Each registered use case, built. */
export type RegisteredUseCases = { readonly [K in keyof UseCaseRegistry]: ReturnType<UseCaseRegistry[K]> };

/** Builds every registered use case over `deps`. */
export function buildUseCases(deps: Dependencies, settings: UseCaseSettings): RegisteredUseCases {
  const built: Record<string, unknown> = {};
  for (const [name, build] of Object.entries(USE_CASES)) built[name] = build(deps, settings);
  return built as RegisteredUseCases;
}
