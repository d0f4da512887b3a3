import type { Operation } from './operation.js';
import { eventOperations } from './operations-events.js';
import { memberOperations } from './operations-members.js';
import { moderationOperations } from './operations-moderation.js';
import { roomOperations } from './operations-rooms.js';
import { serviceOperations } from './operations-service.js';
import { OPERATOR_OPERATIONS } from '../operator/operator-routes.js';

/**
 * Every operation the document describes. A new route needs its entry here (in its group's
 * file), or the drift test (openapi/drift.test.ts) fails naming it.
 */
export const OPERATIONS: readonly Operation[] = [
  ...roomOperations,
  ...memberOperations,
  ...moderationOperations,
  ...eventOperations,
  ...serviceOperations,
  ...OPERATOR_OPERATIONS,
];
