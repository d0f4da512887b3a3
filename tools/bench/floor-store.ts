/**
 * The database side of `bench:floor`, one per store (STORE=postgres, the default, or mariadb):
 * a fresh database, the floor server that runs on it, and the rows the cases need, written
 * straight into the tables (same rows for both sides).
 */

/** Users u0…, the additions' pool (nobody is ever added twice to one room). */
export const ADD_USERS = 60_000;
/** Rooms transferred (and muted in) in turn. */
export const TRANSFER_ROOMS = 1_000;

export interface Seed {
  readonly detailsRoom: string;
  /** Current owner per transfer room (flipped as transfers are sent). */
  readonly transferRooms: { id: string; owner: string; other: string }[];
}

export interface FloorStore {
  /** `postgres` or `mariadb`: the label of the run. */
  readonly name: string;
  /** The database the service and the floor share. */
  readonly url: string;
  /** The floor server's file, in this folder. */
  readonly floorServer: string;
  /** The server's version line. */
  version(): Promise<string>;
  appId(org: string, app: string): Promise<string>;
  /** Users, the details room, the rooms the list shows and the transfer rooms. */
  seed(appId: string): Promise<Seed>;
  /** Rooms with their affiliations and true counters, in a few statements whatever their number. */
  makeRooms(appId: string, rooms: { owner: string; members: string[] }[], maxUsers: number): Promise<string[]>;
  /** The memberships of a room, and its member_count. */
  countMembers(appId: string, roomId: string): Promise<{ n: number; counted: number }>;
  /** Closes the connections and drops the database. */
  close(): Promise<void>;
}

export async function openFloorStore(store: string): Promise<FloorStore> {
  if (store === 'postgres') return (await import('./floor-store-postgres.js')).openPostgresFloorStore();
  if (store === 'mariadb') return (await import('./floor-store-mariadb.js')).openMariadbFloorStore();
  throw new Error(`STORE must be postgres or mariadb, not ${store}`);
}

/** The rooms every run starts with: the details room, the rooms the list shows, the transfer rooms. */
export async function seedRooms(appId: string, makeRooms: FloorStore['makeRooms']): Promise<Seed> {
  const members = Array.from({ length: 20 }, (_, i) => `m${i}`);
  const [detailsRoom] = await makeRooms(appId, [{ owner: 'owner', members }], 1000);
  // Rooms for the list page to show.
  await makeRooms(
    appId,
    Array.from({ length: 200 }, (_, i) => ({ owner: `owner${i}`, members: [] })),
    1000,
  );
  const transferIds = await makeRooms(
    appId,
    Array.from({ length: TRANSFER_ROOMS }, (_, i) => ({ owner: `ta${i}`, members: [`tb${i}`] })),
    1000,
  );
  return {
    detailsRoom: detailsRoom!,
    transferRooms: transferIds.map((id, i) => ({ id, owner: `ta${i}`, other: `tb${i}` })),
  };
}
