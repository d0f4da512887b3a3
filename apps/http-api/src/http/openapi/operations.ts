import type { Operation } from './operation.js';
import { adminOperations } from '../admins/openapi.js';
import { announcementOperations } from '../announcement/openapi.js';
import { memberOperations } from '../members/openapi.js';
import { muteOperations } from '../mutes/openapi.js';
import { OPERATOR_OPERATIONS } from '../operator/operator-routes.js';
import { roomAttributeOperations } from '../room-attributes/openapi.js';
import { roomEventOperations } from '../room-events/openapi.js';
import { roomUserListOperations } from '../room-user-lists/openapi.js';
import { roomOperations } from '../rooms/openapi.js';
import { serviceOperations } from '../service/openapi.js';
import { superAdminOperations } from '../super-admins/openapi.js';
import { tokenOperations } from '../token/openapi.js';
import { userOperations } from '../users/openapi.js';

/**
 * Every operation the document describes, each resource's from its folder. A new route needs its
 * entry in its folder's openapi.ts, or the drift test (openapi/drift.test.ts) fails naming it.
 * The order is the document's order of paths (and of the generated client's types).
 */
export const OPERATIONS: readonly Operation[] = [
  ...tokenOperations,
  ...userOperations,
  ...roomOperations,
  ...memberOperations,
  ...adminOperations,
  ...superAdminOperations,
  ...muteOperations,
  ...roomUserListOperations,
  ...announcementOperations,
  ...roomAttributeOperations,
  ...roomEventOperations,
  ...serviceOperations,
  ...OPERATOR_OPERATIONS,
];
