import {
  AuthenticateApp,
  CreateChatroom,
  CreateDevelopmentApp,
  DeleteUser,
  DissolveChatroom,
  EnsureApp,
  FindApp,
  GetChatroomDetails,
  GetUser,
  IssueAppToken,
  ListChatrooms,
  ListJoinedChatrooms,
  ModifyChatroom,
  RegisterUsers,
  TransferChatroom,
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
  };
}
