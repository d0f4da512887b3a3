import { request, type Dispatcher } from 'undici';
import { politeDispatcher, type Politeness, type WireCounter } from './polite-dispatcher.js';

/** One room as the source's list and details describe it. */
export interface SourceRoom {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly owner: string;
  readonly maxusers: number;
  readonly created: number;
  readonly custom: string;
  readonly mute: boolean;
  readonly affiliationsCount: number;
  /** Members other than the owner, in the order the source gives them. */
  readonly members: readonly string[];
}

/** A room and everything in it, as read from the source. */
export interface SourceSnapshot extends SourceRoom {
  readonly admins: readonly string[];
  readonly mutes: readonly { readonly user: string; readonly expire: number }[];
  readonly blocks: readonly string[];
  readonly allowlist: readonly string[];
  readonly announcement: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** The source answered with an error that retrying does not cure. */
export class SourceError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Easemob's limits: ids per details request, and affiliations per answer (ours). */
const DETAILS_IDS_MAX = 100;
const DETAILS_AFFILIATIONS_MAX = 100_000;
const PAGE_SIZE = 1000;

/**
 * The source app, read through the Easemob REST API only: an app token from the client id and
 * secret (taken again when it expires), the room list with its cursor, details in batches,
 * and each room's lists. `from` is the app's base URL as Easemob writes it,
 * `https://{host}/{org_name}/{app_name}`.
 */
export class EasemobSource {
  readonly wire: WireCounter = { requests: 0 };
  private readonly dispatcher: Dispatcher;
  private readonly base: string;
  private token: Promise<string> | undefined;

  constructor(
    from: string,
    private readonly credentials: { readonly clientId: string; readonly clientSecret: string },
    politeness: Politeness,
  ) {
    this.base = sourceBase(from);
    this.dispatcher = politeDispatcher(politeness, this.wire);
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  /** Every room id with its member count, page by page along the cursor. */
  async listRooms(): Promise<{ id: string; count: number }[]> {
    const rooms: { id: string; count: number }[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(cursor && { cursor }) });
      const page = await this.call('GET', `/chatrooms?${query}`);
      for (const r of page.data as { id: string; affiliations_count?: number }[])
        rooms.push({ id: String(r.id), count: Number(r.affiliations_count ?? 0) });
      cursor = typeof page.cursor === 'string' && page.cursor !== '' ? page.cursor : undefined;
    } while (cursor);
    return rooms;
  }

  /**
   * The rooms' details in as few requests as Easemob's limits allow (≤ 100 ids, ≤ 100,000
   * affiliations per answer, from the counts the list gave). A room gone meanwhile is left out.
   */
  async details(rooms: readonly { id: string; count: number }[]): Promise<SourceRoom[]> {
    const found: SourceRoom[] = [];
    for (const batch of batches(rooms)) found.push(...(await this.detailsOf(batch.map((r) => r.id))));
    return found;
  }

  /** Everything in one room; null when it is gone. */
  async snapshot(room: SourceRoom): Promise<SourceSnapshot | null> {
    const path = `/chatrooms/${encodeURIComponent(room.id)}`;
    try {
      // Details answer with every affiliation; a room above a page is read along the paged list
      // instead, as Easemob's docs advise for big rooms.
      const complete = room.affiliationsCount <= PAGE_SIZE && room.members.length + 1 >= room.affiliationsCount;
      const members = complete ? room.members : await this.members(room.id, room.owner);
      const [admins, mutes, blocks, allowlist, announcement, attributes] = await Promise.all([
        this.call('GET', `${path}/admin`).then((b) => strings(b.data)),
        this.call('GET', `${path}/mute`).then((b) =>
          (b.data as { user: string; expire: number }[]).map((m) => ({ user: m.user, expire: Number(m.expire) })),
        ),
        this.call('GET', `${path}/blocks/users`).then((b) => strings(b.data)),
        this.call('GET', `${path}/white/users`).then((b) => strings(b.data)),
        this.call('GET', `${path}/announcement`).then((b) => String(b.data?.announcement ?? '')),
        this.call('POST', `/metadata/chatroom/${encodeURIComponent(room.id)}`, {}).then(
          (b) => (b.data ?? {}) as Record<string, string>,
        ),
      ]);
      return { ...room, members, admins, mutes, blocks, allowlist, announcement, attributes };
    } catch (error) {
      if (error instanceof SourceError && error.status === 404) return null;
      throw error;
    }
  }

  /** The room's owner, admins, blocklist and allowlist, for the verification. */
  async lists(
    roomId: string,
  ): Promise<{ admins: string[]; mutes: string[]; blocks: string[]; allowlist: string[] } | null> {
    const path = `/chatrooms/${encodeURIComponent(roomId)}`;
    try {
      const [admins, mutes, blocks, allowlist] = await Promise.all([
        this.call('GET', `${path}/admin`).then((b) => strings(b.data)),
        this.call('GET', `${path}/mute`).then((b) => (b.data as { user: string }[]).map((m) => m.user)),
        this.call('GET', `${path}/blocks/users`).then((b) => strings(b.data)),
        this.call('GET', `${path}/white/users`).then((b) => strings(b.data)),
      ]);
      return { admins, mutes, blocks, allowlist };
    } catch (error) {
      if (error instanceof SourceError && error.status === 404) return null;
      throw error;
    }
  }

  /** The app's super admins, every page. */
  async superAdmins(): Promise<string[]> {
    const all: string[] = [];
    for (let pagenum = 1; ; pagenum++) {
      const page = strings(
        (await this.call('GET', `/chatrooms/super_admin?pagenum=${pagenum}&pagesize=${PAGE_SIZE}`)).data,
      );
      all.push(...page);
      if (page.length < PAGE_SIZE) return all;
    }
  }

  private async detailsOf(ids: readonly string[]): Promise<SourceRoom[]> {
    try {
      const body = await this.call('GET', `/chatrooms/${ids.map(encodeURIComponent).join('%2C')}`);
      return (body.data as RawDetails[]).map(toSourceRoom);
    } catch (error) {
      // A room gone since the list fails the whole batch (404), and a room grown past the
      // affiliations bound fails it too (400): halve the batch until each room stands alone.
      if (!(error instanceof SourceError) || (error.status !== 404 && error.status !== 400)) throw error;
      if (ids.length === 1) {
        if (error.status === 404) return [];
        throw error;
      }
      const half = Math.ceil(ids.length / 2);
      return [...(await this.detailsOf(ids.slice(0, half))), ...(await this.detailsOf(ids.slice(half)))];
    }
  }

  /** Members other than the owner, along the paged member list. */
  private async members(roomId: string, owner: string): Promise<string[]> {
    const all: string[] = [];
    for (let pagenum = 1; ; pagenum++) {
      const page = (
        await this.call(
          'GET',
          `/chatrooms/${encodeURIComponent(roomId)}/users?pagenum=${pagenum}&pagesize=${PAGE_SIZE}`,
        )
      ).data as Record<string, string>[];
      for (const a of page) if (a['member'] !== undefined && a['member'] !== owner) all.push(a['member']);
      if (page.length < PAGE_SIZE) return all;
    }
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown, retried = false): Promise<any> {
    const token = await this.appToken();
    const res = await request(`${this.base}${path}`, {
      method,
      dispatcher: this.dispatcher,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const parsed = (await res.body.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.statusCode === 401 && !retried) {
      this.token = undefined; // expired or revoked: take a new one, once
      return this.call(method, path, body, true);
    }
    if (res.statusCode >= 400) {
      throw new SourceError(
        res.statusCode,
        `${method} ${path} → ${res.statusCode} ${String(parsed['error_description'] ?? parsed['error'] ?? '')}`.trim(),
      );
    }
    return parsed;
  }

  private appToken(): Promise<string> {
    this.token ??= (async () => {
      const res = await request(`${this.base}/token`, {
        method: 'POST',
        dispatcher: this.dispatcher,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: this.credentials.clientId,
          client_secret: this.credentials.clientSecret,
        }),
      });
      const parsed = (await res.body.json().catch(() => ({}))) as { access_token?: string; error_description?: string };
      if (res.statusCode !== 200 || !parsed.access_token) {
        throw new SourceError(
          res.statusCode,
          `the source refused the client id and secret (${res.statusCode} ${parsed.error_description ?? ''})`.trim(),
        );
      }
      return parsed.access_token;
    })().catch((error: unknown) => {
      this.token = undefined;
      throw error;
    });
    return this.token;
  }
}

/** `https://host/org/app` (a trailing slash allowed) → the same without the slash; anything else throws. */
export function sourceBase(from: string): string {
  let url: URL;
  try {
    url = new URL(from);
  } catch {
    throw new Error(`--from must be the source app's URL, https://{host}/{org_name}/{app_name}: ${from}`);
  }
  const parts = url.pathname.split('/').filter(Boolean);
  if (!['http:', 'https:'].includes(url.protocol) || parts.length !== 2 || url.search || url.hash) {
    throw new Error(`--from must be the source app's URL, https://{host}/{org_name}/{app_name}: ${from}`);
  }
  return `${url.origin}/${parts.join('/')}`;
}

interface RawDetails {
  id: string;
  name?: string;
  description?: string;
  owner: string;
  maxusers?: number;
  created?: number;
  custom?: string;
  mute?: boolean;
  affiliations_count?: number;
  affiliations?: Record<string, string>[];
}

function toSourceRoom(d: RawDetails): SourceRoom {
  const members: string[] = [];
  for (const a of d.affiliations ?? [])
    if (a['member'] !== undefined && a['member'] !== d.owner) members.push(a['member']);
  return {
    id: String(d.id),
    name: d.name ?? '',
    description: d.description ?? '',
    owner: d.owner,
    maxusers: Number(d.maxusers ?? 200),
    created: Number(d.created ?? 0),
    custom: d.custom ?? '',
    mute: d.mute === true,
    affiliationsCount: Number(d.affiliations_count ?? members.length + 1),
    members,
  };
}

function strings(data: unknown): string[] {
  return Array.isArray(data) ? data.map(String) : [];
}

function* batches(rooms: readonly { id: string; count: number }[]): Generator<{ id: string; count: number }[]> {
  let batch: { id: string; count: number }[] = [];
  let total = 0;
  for (const room of rooms) {
    if (batch.length > 0 && (batch.length === DETAILS_IDS_MAX || total + room.count > DETAILS_AFFILIATIONS_MAX)) {
      yield batch;
      batch = [];
      total = 0;
    }
    batch.push(room);
    total += room.count;
  }
  if (batch.length > 0) yield batch;
}
