import type { EasemobSource, SourceRoom } from './easemob-source.js';
import type { ImportTarget } from './import-target.js';
import type { TargetRoom } from './room-sync.js';

export interface Mismatch {
  readonly room: string;
  readonly field: 'room' | 'owner' | 'member_count' | 'admins' | 'mutes' | 'blocklist' | 'allowlist';
  readonly source: unknown;
  readonly target: unknown;
}

/**
 * Compares one room between a fresh read of the source and the target (`target`: its details,
 * read for the room's group): that it exists on both,
 * its owner, its member count, and its admins, mutes, blocklist and allowlist (as sets: neither
 * wire orders them). A room gone from the source must be gone from the target too.
 */
export async function verifyRoom(
  source: EasemobSource,
  t: ImportTarget,
  room: SourceRoom | null,
  id: string,
  target: TargetRoom | null,
): Promise<Mismatch[]> {
  const lists = room === null ? null : await source.lists(id);
  if (room === null || lists === null)
    return target === null ? [] : [{ room: id, field: 'room', source: 'absent', target: 'present' }];
  if (target === null) return [{ room: id, field: 'room', source: 'present', target: 'absent' }];
  const [mutes, blocks, allow] = await Promise.all([
    t.listMutes.execute(t.app, id).then((m) => m.map((e) => e.username as string)),
    t.listRoomUsers.execute(t.app, id, 'blocklist'),
    t.listRoomUsers.execute(t.app, id, 'allowlist'),
  ]);
  const found: Mismatch[] = [];
  if (target.owner !== room.owner) found.push({ room: id, field: 'owner', source: room.owner, target: target.owner });
  if (target.members.length + 1 !== room.affiliationsCount) {
    found.push({ room: id, field: 'member_count', source: room.affiliationsCount, target: target.members.length + 1 });
  }
  const compare = (field: Mismatch['field'], s: readonly string[], tg: readonly string[]) => {
    if (!sameSet(s, tg)) found.push({ room: id, field, source: [...s].sort(), target: [...tg].sort() });
  };
  compare('admins', lists.admins, target.admins);
  compare('mutes', lists.mutes, mutes);
  compare('blocklist', lists.blocks, blocks);
  compare('allowlist', lists.allowlist, allow);
  return found;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}
