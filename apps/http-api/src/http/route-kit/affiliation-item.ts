import type { Affiliation } from '@chatroom/domain';

/** The reference's affiliation entry: `{owner: id}` for the owner, `{member: id}` for everyone else, admins included. */
export function affiliationItem(affiliation: Affiliation): { owner: string } | { member: string } {
  return affiliation.role === 'owner' ? { owner: affiliation.username } : { member: affiliation.username };
}
