import type { Chatroom } from '../model/chatroom.js';

export interface RoomSearch {
  /** Rooms whose name starts with this text (exactly, case-sensitive). */
  readonly namePrefix?: string;
  readonly owner?: string;
  /** Rooms older than this `seq` (the keyset cursor), newest first. */
  readonly beforeSeq?: number;
  readonly limit: number;
}

/** One queued or dead delivery of one rule, as an operator sees it. */
export interface DeliveryView {
  readonly eventId: string;
  readonly eventSeq: number;
  readonly roomId: string;
  readonly operation: string;
  readonly state: 'pending' | 'dead';
  readonly attempts: number;
  /** Epoch ms of the next try (pending only). */
  readonly nextAt: number | null;
  readonly lastError: string | null;
}

export interface DeliveryCounts {
  readonly pending: number;
  readonly dead: number;
}

/** Read-only questions the operator console asks of a store, outside any unit of work. */
export interface ConsoleQueries {
  /** An app's rooms matching every given filter, newest first, keyset-paged by `seq`. */
  searchRooms(appId: string, search: RoomSearch): Promise<Chatroom[]>;
  /** A rule's undelivered deliveries, oldest event first; dead ones first when `state` is 'dead'. */
  deliveries(ruleId: string, state: 'pending' | 'dead' | undefined, limit: number): Promise<DeliveryView[]>;
  /** How many deliveries of each rule wait or are dead (rules without any are absent). */
  deliveryCounts(ruleIds: readonly string[]): Promise<Map<string, DeliveryCounts>>;
}

/** The one change the console makes to the delivery queue directly. */
export interface DeadDeliveryRevival {
  /** Makes every dead delivery of the rule due now, with its attempts reset; returns how many. */
  reviveDead(ruleId: string): Promise<number>;
}
