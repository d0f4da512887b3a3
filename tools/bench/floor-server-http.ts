/**
 * The HTTP side both floor servers share (floor-server.ts on PostgreSQL, floor-server-mariadb.ts
 * on MariaDB): the hand-written routing of the benchmarked requests, the response bodies and the
 * process's start and stop. Each store's file holds only its SQL.
 */
import Koa from 'koa';

export const QUOTA = 1_000_000_000;
export const CAP = 1_000_000_000;
export const ORG = process.env['ORG'] ?? 'bench';
export const APP = process.env['APP'] ?? 'chat';
export const ROOM_COLUMNS =
  'app_id, id, seq, name, description, max_users, owner, custom, created, mute_all, member_count';

type Body = Promise<unknown>;

/** One handler per benchmarked request: each returns the response body. */
export interface FloorHandlers {
  details(roomId: string): Body;
  list(limit: number): Body;
  create(body: { name: string; description: string; owner: string }): Body;
  add(roomId: string, username: string): Body;
  transfer(roomId: string, newOwner: string): Body;
  remove(roomId: string, username: string): Body;
  dissolve(roomId: string): Body;
  mute(roomId: string, body: { usernames: string[]; mute_duration: number }): Body;
}

/** Listens on PORT, routing by hand; SIGTERM closes the server and then `close` (the pool). */
export function serveFloor(h: FloorHandlers, close: () => Promise<void>): void {
  const app = new Koa();
  app.use(async (ctx) => {
    const parts = ctx.path.split('/').filter(Boolean); // [org, app, 'chatrooms', id?, 'users'?, username?]
    if (parts[2] !== 'chatrooms') return void (ctx.status = 404);
    const roomId = parts[3];
    if (ctx.method === 'GET' && roomId) ctx.body = await h.details(roomId);
    else if (ctx.method === 'GET') ctx.body = await h.list(Number(ctx.query['limit'] ?? 10));
    else if (ctx.method === 'POST' && !roomId) ctx.body = await h.create(await jsonBody(ctx.req));
    else if (ctx.method === 'POST' && parts[4] === 'users' && parts[5]) ctx.body = await h.add(roomId!, parts[5]);
    else if (ctx.method === 'PUT' && roomId) ctx.body = await h.transfer(roomId, (await jsonBody(ctx.req)).newowner);
    else if (ctx.method === 'DELETE' && roomId && parts[4] === 'users' && parts[5])
      ctx.body = await h.remove(roomId, parts[5]);
    else if (ctx.method === 'DELETE' && roomId && !parts[4]) ctx.body = await h.dissolve(roomId);
    else if (ctx.method === 'POST' && roomId && parts[4] === 'mute')
      ctx.body = await h.mute(roomId, await jsonBody(ctx.req));
    else ctx.status = 404;
  });
  const port = Number(process.env['PORT'] ?? 0);
  const server = app.listen(port, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : port}\n`);
  });
  process.once('SIGTERM', () => {
    server.close();
    void close().then(() => process.exit(0));
  });
}

/** The details of one room from its row and its affiliations (owner first, then in join order). */
export function detailsBody(appId: string, room: any, affiliations: any[]) {
  return envelope(appId, 'get', [
    {
      id: room.id,
      name: room.name,
      description: room.description,
      membersonly: false,
      allowinvites: false,
      maxusers: room.max_users,
      owner: room.owner,
      created: room.created,
      custom: room.custom,
      mute: Boolean(room.mute_all),
      affiliations_count: affiliations.length,
      affiliations: affiliations.map((a) => (a.role === 'owner' ? { owner: a.username } : { member: a.username })),
      public: true,
    },
  ]);
}

/** One page of the room list from `limit + 1` rows. */
export function pageBody(appId: string, rows: any[], limit: number) {
  const page = rows.slice(0, limit).map((r) => ({
    id: r.id,
    name: r.name,
    owner: r.owner,
    affiliations_count: r.member_count,
    disabled: false,
    created: r.created,
  }));
  return envelope(appId, 'get', page);
}

export function envelope(appId: string, action: string, data: unknown) {
  return { action, application: appId, data, timestamp: Date.now(), duration: 0, properties: {} };
}

export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function jsonBody(req: NodeJS.ReadableStream): Promise<any> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return JSON.parse(text);
}
