import { errors } from '../../errors/error-catalogue.js';
import type { App, AppSettings, RateLimitSetting } from '../../model/app.js';
import { RATE_LIMIT_HINT, RATE_LIMIT_MAX_PER_SECOND } from '../../model/rate-limit-setting.js';
import type { Repositories } from '../../ports/unit-of-work.js';
import type { Dependencies } from '../dependencies.js';

// What the operator's app commands (create, list, show, rotate-secret, revoke-tokens, set-limits,
// delete) share: name and settings rules, fresh credentials, and the view that never shows secrets.

const APP_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
/** Bounds of the numeric settings; the store's CHECKs accept every value inside them. */
export const APP_SETTING_MAX = 1_000_000_000;

/** Org and app names: 1 to 64 of A-Z a-z 0-9 _ . - (the store's CHECK says the same). */
export function checkAppNames(org: string, name: string): void {
  for (const [field, value] of [
    ['org', org],
    ['app', name],
  ] as const) {
    if (!APP_NAME.test(value)) {
      throw errors.invalidParameter(`${field} must be 1 to 64 characters of A-Z a-z 0-9 _ . -`);
    }
  }
}

/** `base` with `changes` applied, every value checked. */
export function mergeAppSettings(base: AppSettings, changes: Partial<AppSettings> = {}): AppSettings {
  const merged = { ...base, ...stripUndefined(changes) };
  for (const field of ['roomQuota', 'joinedRoomCap', 'maxUsersCeiling'] as const) {
    const value = merged[field];
    if (!Number.isSafeInteger(value) || value < 1 || value > APP_SETTING_MAX) {
      throw errors.invalidParameter(`${field} must be an integer from 1 to ${APP_SETTING_MAX}`);
    }
  }
  if (typeof merged.customRoomIds !== 'boolean') throw errors.invalidParameter('customRoomIds must be true or false');
  if (!isRateLimit(merged.rateLimit)) throw errors.invalidParameter(`rateLimit must be ${RATE_LIMIT_HINT}`);
  return merged;
}

function isRateLimit(value: RateLimitSetting): boolean {
  if (value === 'off' || value === 'easemob') return true;
  const perSecond = typeof value === 'object' && value !== null ? value.perSecond : NaN;
  return Number.isSafeInteger(perSecond) && perSecond >= 1 && perSecond <= RATE_LIMIT_MAX_PER_SECOND;
}

function stripUndefined<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A client id in Easemob's shape (`YXA6` + 32 hex digits). */
export function newClientId(random: Dependencies['random']): string {
  return `YXA6${random.uuid().replaceAll('-', '')}`;
}

/** A fresh token key, sealed for the store. */
export async function newSealedTokenKey(deps: Pick<Dependencies, 'random' | 'sealer'>): Promise<string> {
  return deps.sealer.seal(deps.random.secret());
}

/** The app, locked for the rest of the unit of work; UnknownApp when there is none. */
export async function lockApp(repos: Repositories, org: string, name: string): Promise<App> {
  const app = await repos.apps.findByNameForUpdate(org, name);
  if (!app) throw errors.unknownApp(org, name);
  return app;
}

/** Fresh credentials, shown to the operator this once. */
export interface AppCredentials {
  readonly org: string;
  readonly name: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** What an operator may see of an app: never its secret hash or token key. */
export interface AppView {
  readonly id: string;
  readonly org: string;
  readonly name: string;
  readonly clientId: string;
  readonly keyGeneration: number;
  readonly settings: AppSettings;
  readonly created: number;
}

export function appView(app: App): AppView {
  const { id, org, name, clientId, keyGeneration, settings, created } = app;
  return { id, org, name, clientId, keyGeneration, settings, created };
}
