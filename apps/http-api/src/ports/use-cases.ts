import {
  AddMembers,
  AddSuperAdmin,
  AllowUsers,
  AuthenticateApp,
  BlockUsers,
  CreateChatroom,
  CreateApp,
  CreateDevelopmentApp,
  DeleteApp,
  ListApps,
  RevokeAppTokens,
  RotateAppSecret,
  SealAppKeys,
  SetAppLimits,
  ShowApp,
  DeleteRoomAttributes,
  DeleteUser,
  DemoteAdmin,
  DissolveChatroom,
  EnsureApp,
  FindApp,
  GetAnnouncement,
  GetChatroomDetails,
  GetRoomAttributes,
  GetUser,
  IssueAppToken,
  ListAdmins,
  ListChatrooms,
  ListJoinedChatrooms,
  ListMembers,
  ListMutes,
  ListRoomEvents,
  ListRoomUsers,
  ListSuperAdmins,
  ModifyChatroom,
  MuteMembers,
  PromoteAdmin,
  RegisterUsers,
  RemoveFromRoomUserList,
  RemoveMembers,
  RemoveSuperAdmin,
  SetAnnouncement,
  SetMuteAll,
  SetRoomAttributes,
  TransferChatroom,
  UnmuteMembers,
  type Dependencies,
  type TokenPolicy,
} from '@chatroom/domain';

/** Every use case the service runs, built once over the same ports. */
export interface UseCases {
  readonly findApp: FindApp;
  readonly authenticateApp: AuthenticateApp;
  readonly issueAppToken: IssueAppToken;
  readonly ensureApp: EnsureApp;
  readonly createDevelopmentApp: CreateDevelopmentApp;
  readonly registerUsers: RegisterUsers;
  readonly getUser: GetUser;
  readonly deleteUser: DeleteUser;
  readonly listChatrooms: ListChatrooms;
  readonly listJoinedChatrooms: ListJoinedChatrooms;
  readonly getChatroomDetails: GetChatroomDetails;
  readonly createChatroom: CreateChatroom;
  readonly modifyChatroom: ModifyChatroom;
  readonly transferChatroom: TransferChatroom;
  readonly dissolveChatroom: DissolveChatroom;
  // Members, roles and moderation
  readonly listMembers: ListMembers;
  /** AddMembers, or its coalescing decorator (bound in container.ts). */
  readonly addMembers: Pick<AddMembers, 'execute'>;
  readonly removeMembers: RemoveMembers;
  readonly listAdmins: ListAdmins;
  readonly promoteAdmin: PromoteAdmin;
  readonly demoteAdmin: DemoteAdmin;
  readonly listSuperAdmins: ListSuperAdmins;
  readonly addSuperAdmin: AddSuperAdmin;
  readonly removeSuperAdmin: RemoveSuperAdmin;
  readonly listMutes: ListMutes;
  readonly muteMembers: MuteMembers;
  readonly unmuteMembers: UnmuteMembers;
  readonly setMuteAll: SetMuteAll;
  readonly listRoomUsers: ListRoomUsers;
  readonly blockUsers: BlockUsers;
  readonly allowUsers: AllowUsers;
  readonly removeFromRoomUserList: RemoveFromRoomUserList;
  readonly getAnnouncement: GetAnnouncement;
  readonly setAnnouncement: SetAnnouncement;
  readonly getRoomAttributes: GetRoomAttributes;
  readonly setRoomAttributes: SetRoomAttributes;
  readonly deleteRoomAttributes: DeleteRoomAttributes;
  // Tenant administration (the admin CLI) and sealed keys
  readonly sealAppKeys: SealAppKeys;
  readonly createApp: CreateApp;
  readonly listApps: ListApps;
  readonly showApp: ShowApp;
  readonly rotateAppSecret: RotateAppSecret;
  readonly revokeAppTokens: RevokeAppTokens;
  readonly setAppLimits: SetAppLimits;
  readonly deleteApp: DeleteApp;
  // Events out
  readonly listRoomEvents: ListRoomEvents;
}

export function createUseCases(deps: Dependencies, tokenPolicy: TokenPolicy): UseCases {
  return {
    findApp: new FindApp(deps),
    authenticateApp: new AuthenticateApp(deps),
    issueAppToken: new IssueAppToken(deps, tokenPolicy),
    ensureApp: new EnsureApp(deps),
    createDevelopmentApp: new CreateDevelopmentApp(deps),
    registerUsers: new RegisterUsers(deps),
    getUser: new GetUser(deps),
    deleteUser: new DeleteUser(deps),
    listChatrooms: new ListChatrooms(deps),
    listJoinedChatrooms: new ListJoinedChatrooms(deps),
    getChatroomDetails: new GetChatroomDetails(deps),
    createChatroom: new CreateChatroom(deps),
    modifyChatroom: new ModifyChatroom(deps),
    transferChatroom: new TransferChatroom(deps),
    dissolveChatroom: new DissolveChatroom(deps),
    listMembers: new ListMembers(deps),
    addMembers: new AddMembers(deps),
    removeMembers: new RemoveMembers(deps),
    listAdmins: new ListAdmins(deps),
    promoteAdmin: new PromoteAdmin(deps),
    demoteAdmin: new DemoteAdmin(deps),
    listSuperAdmins: new ListSuperAdmins(deps),
    addSuperAdmin: new AddSuperAdmin(deps),
    removeSuperAdmin: new RemoveSuperAdmin(deps),
    listMutes: new ListMutes(deps),
    muteMembers: new MuteMembers(deps),
    unmuteMembers: new UnmuteMembers(deps),
    setMuteAll: new SetMuteAll(deps),
    listRoomUsers: new ListRoomUsers(deps),
    blockUsers: new BlockUsers(deps),
    allowUsers: new AllowUsers(deps),
    removeFromRoomUserList: new RemoveFromRoomUserList(deps),
    getAnnouncement: new GetAnnouncement(deps),
    setAnnouncement: new SetAnnouncement(deps),
    getRoomAttributes: new GetRoomAttributes(deps),
    setRoomAttributes: new SetRoomAttributes(deps),
    deleteRoomAttributes: new DeleteRoomAttributes(deps),
    sealAppKeys: new SealAppKeys(deps),
    createApp: new CreateApp(deps),
    listApps: new ListApps(deps),
    showApp: new ShowApp(deps),
    rotateAppSecret: new RotateAppSecret(deps),
    revokeAppTokens: new RevokeAppTokens(deps),
    setAppLimits: new SetAppLimits(deps),
    deleteApp: new DeleteApp(deps),
    listRoomEvents: new ListRoomEvents(deps),
  };
}
