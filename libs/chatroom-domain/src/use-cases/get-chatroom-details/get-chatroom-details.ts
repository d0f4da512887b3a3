import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import { DETAILS_MAX_AFFILIATIONS, DETAILS_MAX_IDS, type Affiliation, type Chatroom } from '../../model/chatroom.js';
import type { Dependencies } from '../dependencies.js';

export interface ChatroomDetails {
  readonly room: Chatroom;
  /** The owner first, then the members in join order. */
  readonly affiliations: Affiliation[];
}

/**
 * `GET /chatrooms/{ids}`: up to 100 rooms in the order asked, in two queries, and at most
 * `maxAffiliations` affiliations in all (a bigger answer is refused before it is read).
 */
export class GetChatroomDetails {
  constructor(
    private readonly deps: Pick<Dependencies, 'uow'>,
    private readonly maxAffiliations = DETAILS_MAX_AFFILIATIONS,
  ) {}

  async execute(app: App, rawIds: readonly string[]): Promise<ChatroomDetails[]> {
    const ids = [...new Set(rawIds)];
    if (ids.length === 0) throw errors.invalidParameter('chatroom id must be provided');
    if (ids.length > DETAILS_MAX_IDS) throw errors.tooManyIds();
    return this.deps.uow.read(async (r) => {
      const rooms = new Map((await r.chatrooms.findByIds(app.id, ids)).map((room) => [room.id, room]));
      const missing = ids.find((id) => !rooms.has(id));
      if (missing !== undefined) throw errors.chatroomsNotFound(missing);
      const total = [...rooms.values()].reduce((sum, room) => sum + room.memberCount, 0);
      if (total > this.maxAffiliations) throw errors.detailsTooLarge(total, this.maxAffiliations);
      const affiliations = await r.memberships.affiliations(app.id, ids);
      return ids.map((id) => ({ room: rooms.get(id)!, affiliations: affiliations.get(id) ?? [] }));
    });
  }
}
