import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import { JOINED_UNPAGED_LIMIT, PAGESIZE_DEFAULT, pageWindow, type PageInput } from '../../model/paging.js';
import { parseUserId } from '../../model/user-id.js';
import type { JoinedChatroom } from '../../ports/membership-repository.js';
import type { Dependencies } from '../dependencies.js';

/**
 * `GET /users/{username}/joined_chatrooms`, newest join first. Without paging parameters
 * the 500 most recent; otherwise page `pagenum` (default 1) of `pagesize` (default 1000).
 */
export class ListJoinedChatrooms {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, rawUsername: string, input: PageInput): Promise<JoinedChatroom[]> {
    const username = parseUserId(rawUsername);
    const unpaged = input.pagenum === undefined && input.pagesize === undefined;
    const { offset, limit } = unpaged
      ? { offset: 0, limit: JOINED_UNPAGED_LIMIT }
      : pageWindow(input, PAGESIZE_DEFAULT);
    return this.deps.uow.read(async (r) => {
      if ((await r.users.findExisting(app.id, [username])).length === 0) throw errors.userResourceNotFound();
      return r.memberships.joinedRooms(app.id, username, offset, limit);
    });
  }
}
