import * as z from 'zod';

/**
 * What the service answers, as zod schemas for the OpenAPI document. Every object is strict
 * (`additionalProperties: false`) and lists its fields as required unless the code leaves them
 * out sometimes, so the response check of the HTTP tests fails on a field returned but not
 * described, and on one described but not returned.
 */

const text = z.string();
const int = z.int();
const username = z.string().meta({ example: 'alice' });
const roomId = z.string().meta({ example: '100000000000001' });

/** The Easemob error body; `error`/`error_description` are the exact strings of decisions.md. */
export const errorBody = z
  .strictObject({
    error: text,
    error_description: text,
    exception: text.meta({ description: 'Our own error class; never a stack trace.' }),
    timestamp: int,
    duration: int,
  })
  .meta({ id: 'ErrorBody', description: 'The Easemob error body.' });

/** A bare list of usernames (admins, super admins, new members). */
export const usernames = z.array(z.string());

/** A user as the `entities` of the user endpoints show it. */
export const userEntity = z
  .strictObject({
    uuid: text,
    type: z.literal('user'),
    created: int,
    modified: int,
    username,
    activated: z.literal(true),
    nickname: text.optional(),
  })
  .meta({ id: 'UserEntity' });

/** The owner entry is `{owner}`, every other member (admins included) `{member}`. */
export const affiliation = z
  .union([z.strictObject({ owner: username }), z.strictObject({ member: username })])
  .meta({ id: 'Affiliation' });

export const roomSummary = z
  .strictObject({ id: roomId, name: text, owner: username, affiliations_count: int })
  .meta({ id: 'ChatroomSummary' });

export const roomDetails = z
  .strictObject({
    id: roomId,
    name: text,
    description: text,
    membersonly: z.literal(false),
    allowinvites: z.literal(false),
    maxusers: int,
    owner: username,
    created: int,
    custom: text,
    mute: z.boolean().meta({ description: 'The mute-all flag.' }),
    affiliations_count: int,
    affiliations: z.array(affiliation),
    public: z.literal(true),
  })
  .meta({ id: 'ChatroomDetails' });

/** One per-user result of a batch (`reason` only when `result` is false). */
export function userResult(roomKey: 'id' | 'chatroomid') {
  return z.strictObject({
    result: z.boolean(),
    action: text,
    reason: text.optional(),
    user: username,
    [roomKey]: roomId,
  });
}

export const attributeKeysResult = z
  .strictObject({ successKeys: z.array(text), errorKeys: z.record(text, text) })
  .meta({ id: 'AttributeKeysResult' });

export interface EnvelopeOptions {
  /** List answers carry `count` and `params` (the query echoed as arrays of strings). */
  readonly list?: boolean;
  /** The room list adds a `cursor` when another page exists. */
  readonly cursor?: boolean;
  /** The user endpoints list users in `entities` and add `path: "/users"`. */
  readonly users?: boolean;
  /** Custom-attribute deletes add the reference's `status: "ok"`. */
  readonly status?: boolean;
}

/** The Easemob success envelope around `data`; `action` is the request's verb. */
export function envelope(method: string, data: z.ZodType, options: EnvelopeOptions = {}) {
  return z.strictObject({
    action: z.literal(method),
    application: text.meta({ description: "The app's UUID." }),
    applicationName: text,
    organization: text,
    ...(options.users && { path: z.literal('/users') }),
    uri: text.meta({ description: 'The full URL of the request, without its query.' }),
    entities: options.users ? z.array(userEntity) : z.array(z.unknown()).max(0),
    data,
    timestamp: int,
    duration: int,
    properties: z.strictObject({}),
    ...(options.list && { count: int, params: z.record(text, z.array(text)) }),
    ...(options.cursor && { cursor: text.optional().meta({ description: 'Present only when another page exists.' }) }),
    ...(options.status && { status: z.literal('ok') }),
  });
}
