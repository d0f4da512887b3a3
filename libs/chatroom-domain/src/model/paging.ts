import { errors } from '../errors/error-catalogue.js';

export const LIST_LIMIT_DEFAULT = 10;
export const LIST_LIMIT_MAX = 1000;
export const JOINED_UNPAGED_LIMIT = 500;
export const PAGESIZE_DEFAULT = 1000;
export const PAGESIZE_MAX = 1000;
export const SUPER_ADMINS_PAGESIZE_DEFAULT = 10;

const CURSOR = /^cr1([0-9a-z]{1,11})$/;

/** An opaque position in the room list: the seq of the last room returned. */
export function encodeCursor(seq: number): string {
  return `cr1${seq.toString(36)}`;
}

export function decodeCursor(cursor: string): number {
  const match = CURSOR.exec(cursor);
  const seq = match ? parseInt(match[1]!, 36) : NaN;
  if (!Number.isSafeInteger(seq) || seq < 1) throw errors.invalidCursor();
  return seq;
}

/** A positive integer, clamped to `max`; anything else is a 400 naming the parameter. */
export function clampPositiveInt(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw errors.invalidParameter(`${name} must be a positive integer`);
  }
  return Math.min(value, max);
}

/** `pagenum` (1-based) and `pagesize` of the reference's page-numbered lists. */
export interface PageInput {
  readonly pagenum?: number;
  readonly pagesize?: number;
}

/**
 * The rows a page-numbered request asks for: `pagenum` defaults to 1, `pagesize` to
 * `defaultSize`, and is clamped to 1000; anything not a positive integer is a 400.
 */
export function pageWindow(input: PageInput, defaultSize: number): { offset: number; limit: number } {
  const limit = clampPositiveInt('pagesize', input.pagesize, defaultSize, PAGESIZE_MAX);
  const pagenum = clampPositiveInt('pagenum', input.pagenum, 1, Number.MAX_SAFE_INTEGER);
  return { offset: (pagenum - 1) * limit, limit };
}
