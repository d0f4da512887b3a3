import createClient, { type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './generated/openapi.js';

export type { components, operations, paths };

/** The document's named schemas: `Schemas['ChatroomDetails']`, `Schemas['ErrorBody']`, … */
export type Schemas = components['schemas'];

export interface ChatroomClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Where the service runs, e.g. `http://localhost:8080`. */
  readonly baseUrl: string;
  /** An app token (`POST /{org}/{app}/token`), sent as `Authorization: Bearer …`. */
  readonly token?: string;
}

/**
 * A typed client of the chat-room service: paths, parameters, bodies and answers are the types
 * generated from its OpenAPI document, so a breaking API change breaks the code that uses it.
 */
export function createChatroomClient({ baseUrl, token, headers, ...rest }: ChatroomClientOptions) {
  return createClient<paths>({
    baseUrl,
    headers: {
      ...(token !== undefined && { authorization: `Bearer ${token}` }),
      ...(headers as Record<string, string>),
    },
    ...rest,
  });
}

export type ChatroomClient = ReturnType<typeof createChatroomClient>;
