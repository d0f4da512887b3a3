import type { StoredRoomEvent } from '@chatroom/domain';
import { createHash } from 'node:crypto';

/**
 * The Easemob post-sending callback body of an event (docs/contract/easemob-callbacks.md, "The body"),
 * keys in the reference's order (`member_count` between `operator` and `timestamp`, as in E6–E11).
 * `callId` is `{appkey}_{event uuid}`: the same on every retry,
 * replay and rule, so receivers can drop duplicates by it; `timestamp` is the completion time,
 * also unchanged on retries, so `security` is stable too.
 */
export function easemobCallbackBody(event: StoredRoomEvent, secret: string): Record<string, unknown> {
  const appkey = `${event.org}#${event.app}`;
  const callId = `${appkey}_${event.id}`;
  return {
    callId,
    security: easemobSecurity(callId, secret, event.timestamp),
    ...(event.payload !== undefined && { payload: withLastModified(event.payload, event.timestamp) }),
    appkey,
    id: event.roomId,
    type: 'CHATROOM',
    event: 'group_op_event',
    operation: event.operation,
    operator: event.operator,
    // JOIN and LEAVE (not LEAVE/DELETE) only: the domain sets it on exactly those (§3, E6–E11).
    ...(event.memberCount !== undefined && { member_count: event.memberCount }),
    timestamp: event.timestamp,
  };
}

/** `security` = lowercase hex MD5(callId + secret + timestamp), as the reference says (§2). */
export function easemobSecurity(callId: string, secret: string, timestamp: number): string {
  return createHash('md5').update(`${callId}${secret}${timestamp}`).digest('hex');
}

/** `info.last_modified` is the change's own time (the domain leaves it to us). */
function withLastModified(payload: Readonly<Record<string, unknown>>, timestamp: number): Record<string, unknown> {
  const info = payload['info'];
  if (typeof info !== 'object' || info === null) return { ...payload };
  return { ...payload, info: { ...info, last_modified: String(timestamp) } };
}
