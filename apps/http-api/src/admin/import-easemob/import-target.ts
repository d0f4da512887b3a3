import {
  AddMembers,
  AddSuperAdmin,
  AllowUsers,
  BlockUsers,
  CreateChatroom,
  DeleteRoomAttributes,
  DemoteAdmin,
  DissolveChatroom,
  GetAnnouncement,
  GetChatroomDetails,
  GetRoomAttributes,
  ImportUsers,
  ListAdmins,
  ListMutes,
  ListRoomUsers,
  ListSuperAdmins,
  markingImported,
  ModifyChatroom,
  MuteMembers,
  PromoteAdmin,
  RemoveFromRoomUserList,
  RemoveMembers,
  RemoveSuperAdmin,
  SetAnnouncement,
  SetMuteAll,
  SetRoomAttributes,
  TransferChatroom,
  UnmuteMembers,
  type App,
  type Dependencies,
  type ImportProgress,
} from '@chatroom/domain';

/**
 * The target app as the importer writes it: the usual use cases (so every invariant holds and
 * every change writes its events), on a unit of work that marks those events as imported.
 * Room ids are the source's whatever the app's custom-room-ids setting: keeping them is the
 * point of the import (clients and the customer's databases name rooms by id).
 */
export function importTarget(deps: Dependencies, app: App, progress: ImportProgress) {
  const d: Dependencies = { ...deps, uow: markingImported(deps.uow) };
  return {
    app,
    /** The app as room creation sees it: source ids accepted. */
    creatingApp: { ...app, settings: { ...app.settings, customRoomIds: true } } as App,
    progress,
    clock: deps.clock,
    importUsers: new ImportUsers(d),
    createChatroom: new CreateChatroom(d),
    modifyChatroom: new ModifyChatroom(d),
    transferChatroom: new TransferChatroom(d),
    dissolveChatroom: new DissolveChatroom(d),
    getChatroomDetails: new GetChatroomDetails(d),
    addMembers: new AddMembers(d),
    removeMembers: new RemoveMembers(d),
    listAdmins: new ListAdmins(d),
    promoteAdmin: new PromoteAdmin(d),
    demoteAdmin: new DemoteAdmin(d),
    listMutes: new ListMutes(d),
    muteMembers: new MuteMembers(d),
    unmuteMembers: new UnmuteMembers(d),
    setMuteAll: new SetMuteAll(d),
    listRoomUsers: new ListRoomUsers(d),
    blockUsers: new BlockUsers(d),
    allowUsers: new AllowUsers(d),
    removeFromRoomUserList: new RemoveFromRoomUserList(d),
    getAnnouncement: new GetAnnouncement(d),
    setAnnouncement: new SetAnnouncement(d),
    getRoomAttributes: new GetRoomAttributes(d),
    setRoomAttributes: new SetRoomAttributes(d),
    deleteRoomAttributes: new DeleteRoomAttributes(d),
    listSuperAdmins: new ListSuperAdmins(d),
    addSuperAdmin: new AddSuperAdmin(d),
    removeSuperAdmin: new RemoveSuperAdmin(d),
  };
}

export type ImportTarget = ReturnType<typeof importTarget>;
