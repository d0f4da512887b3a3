import type { Operation } from './operation.js';
import { eventOperations } from '../room-events/openapi.js';
import { memberOperations } from '../members/openapi.js';
import { moderationOperations } from '../mutes/openapi.js';
import { roomOperations } from '../rooms/openapi.js';
import { serviceOperations } from '../service/openapi.js';
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
