import * as z from 'zod';
import type { Operation } from '../openapi/operation.js';
import { tokenRequestSchema } from './schemas.js';

/** The app token (§2). */
export const tokenOperations: readonly Operation[] = [
  {
    method: 'post',
    path: '/{org}/{app}/token',
    tag: 'tokens',
    summary: 'Get an app token',
    description:
      '`ttl` in seconds; absent → 7 days, `0` → the longest allowed. The answer is a bare object (no envelope).',
    public: true,
    body: {
      schema: tokenRequestSchema,
      example: {
        grant_type: 'client_credentials',
        client_id: 'YXA6e5e842ae897b4f10afd901610ab15c6c',
        client_secret: 'qCdk8hSTagguXjPm',
        ttl: 3600,
      },
    },
    response: {
      schema: z
        .strictObject({ access_token: z.string(), expires_in: z.int(), application: z.string() })
        .meta({ id: 'AppToken' }),
      example: {
        access_token: 'eyJhbGciOiJIUzI1NiJ9.e30.sig',
        expires_in: 3600,
        application: '8be024f0-e978-11e8-b697-5d598d5f8402',
      },
    },
    errorExamples: { 400: ['invalid_grant', 'client_secret does not match', 'ClientSecretMismatchError'] },
  },
];
