export type RateLimitSetting = 'off' | 'easemob' | { readonly perSecond: number };

/** The per-app limits of decisions.md; each app carries its own copy. */
export interface AppSettings {
  /** Most rooms an app may have at once. */
  readonly roomQuota: number;
  /** Most rooms one user may belong to at once (owner included). */
  readonly joinedRoomCap: number;
  /** Highest `maxusers` a room may have. */
  readonly maxUsersCeiling: number;
  /** Whether `roomid` may be chosen by the caller on create. */
  readonly customRoomIds: boolean;
  readonly rateLimit: RateLimitSetting;
}

export const DEFAULT_APP_SETTINGS: AppSettings = {
  roomQuota: 100_000,
  joinedRoomCap: 10_000,
  maxUsersCeiling: 10_000,
  customRoomIds: true,
  rateLimit: 'off',
};

/** A tenant: an org + app name pair, with its credentials and token key. */
export interface App {
  /** UUID, shown as `application` in every envelope. */
  readonly id: string;
  readonly org: string;
  readonly name: string;
  readonly clientId: string;
  /** Salted hash of the client secret; never the secret itself. */
  readonly clientSecretHash: string;
  /**
   * Secret key the app's tokens are signed with, in the form `KeySealer.seal` gives (never in
   * clear in the store); shared by every instance through the store.
   */
  readonly tokenKey: string;
  /**
   * Starts at 0; rotating the secret or revoking tokens raises it (and replaces the token key).
   * A token carries the generation it was issued under and is refused under any other.
   */
  readonly keyGeneration: number;
  readonly settings: AppSettings;
  readonly created: number;
}
