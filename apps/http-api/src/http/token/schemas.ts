import * as z from 'zod';
import { optional } from '../route-kit/fields.js';

/**
 * `POST /{org}/{app}/token`. Types only: which fields are required, and the exact wording
 * when one is missing (`client_id must be provided.`), belong to the IssueAppToken use case.
 */
export const tokenRequestSchema = z.object({
  grant_type: optional(z.string()),
  client_id: optional(z.string()),
  client_secret: optional(z.string()),
  ttl: optional(z.int()),
});
