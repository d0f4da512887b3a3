import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import {
  clampPositiveInt,
  JOINED_UNPAGED_LIMIT,
  PAGESIZE_DEFAULT,
  PAGESIZE_MAX,
} from '../../model/paging.js';
import { parseUserId } from '../../model/user-id.js';
import type { JoinedChatroom } from '../../ports/membership-repository.js';
import type { Dependencies } from '../dependencies.js';

export interface ListJoinedChatroomsInput {
  readonly pagenum?: number;
  readonly pagesize?: number;
}

/**
 * `GET /users/{username}/joined_chatrooms`, newest join first. Without paging parameters
 * the 500 most recent; otherwise page `pagenum` (default 1) of `pagesize` (default 1000).
 */
export class ListJoinedChatrooms {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, rawUsername: string, input: ListJoinedChatroomsInput): Promise<JoinedChatroom[]> {
    const username = parseUserId(rawUsername);
    const unpaged = input.pagenum === undefined && input.pagesize === undefined;
    const pagesize = unpaged
      ? JOINED_UNPAGED_LIMIT
      : clampPositiveInt('pagesize', input.pagesize, PAGESIZE_DEFAULT, PAGESIZE_MAX);
    const pagenum = clampPositiveInt('pagenum', input.pagenum, 1, Number.MAX_SAFE_INTEGER);
    return this.deps.uow.read(async (r) => {
      if (!(await r.users.findByUsername(app.id, username))) throw errors.userResourceNotFound();
      return r.memberships.joinedRooms(app.id, username, (pagenum - 1) * pagesize, pagesize);
    });
  }
}
