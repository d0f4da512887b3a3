import type { ErrorRow } from './operation.js';

/** The path of one room, under which most resources of a room live. */
export const ROOM = '/{org}/{app}/chatrooms/{id}';
export const ROOM_404: ErrorRow = [
  'resource_not_found',
  'grpID 100000000000001 does not exist!',
  'ChatroomNotFoundError',
];
export const USER_404: ErrorRow = ['resource_not_found', "username alice doesn't exist!", 'UserNotFoundError'];
export const NOT_MEMBER: ErrorRow = ['forbidden_op', 'users [alice] are not members of this group!', 'NotMembersError'];
