import { describeListCommandsContract } from './list-commands-contract.js';
import { describeWriteRoundTripsContract } from './write-round-trips-contract.js';
import { describeAppRepositoryContract } from './app-repository-contract.js';
import { describeDeliveryQueueContract } from './delivery-queue-contract.js';
import { describeEventOutboxContract } from './event-outbox-contract.js';
import { describeChatroomRepositoryContract } from './chatroom-repository-contract.js';
import { describeConcurrencyContract } from './concurrency-contract.js';
import { describeInterleavingsContract } from './interleavings-contract.js';
import { describeMembershipRepositoryContract } from './membership-repository-contract.js';
import { describeMuteRepositoryContract } from './mute-repository-contract.js';
import { describeQueryCountContract } from './query-count-contract.js';
import { describeRoomAttributeRepositoryContract } from './room-attribute-repository-contract.js';
import { describeRoomInvariantsContract } from './room-invariants-contract.js';
import { describeSettingsCommandsContract } from './settings-commands-contract.js';
import { describeUnmuteContract } from './unmute-contract.js';
import { describeRoomUserListRepositoryContract } from './room-user-list-repository-contract.js';
import type { StoreFactory } from './store-factory.js';
import { describeSuperAdminRepositoryContract } from './super-admin-repository-contract.js';
import { describeUnitOfWorkContract } from './unit-of-work-contract.js';
import { describeUseCaseRacesContract } from './use-case-races-contract.js';
import { describeUserRepositoryContract } from './user-repository-contract.js';

// The domain compiles without platform typings; printing is the one platform API needed here.
declare const console: { info(message: string): void };

/**
 * Every store contract: each port's behaviour, the declared concurrency, the cost promises,
 * forced interleavings, and the use cases racing. Each describe block opens its own store.
 */
export function describeStoreContracts(name: string, factory: StoreFactory): void {
  // What the store declared it cannot do, printed once per run besides the titles of the cases not run.
  if (factory.noSecondHandle) console.info(`[${name}] two-handle variants not run: ${factory.noSecondHandle}`);
  if (factory.noDeliveryQueue) console.info(`[${name}] delivery-queue cases not run: ${factory.noDeliveryQueue}`);
  if (!factory.concurrentUnits) console.info(`[${name}] units of work run one at a time: ${factory.serialisedBecause}`);
  describeUnitOfWorkContract(name, factory);
  describeConcurrencyContract(name, factory);
  describeAppRepositoryContract(name, factory);
  describeUserRepositoryContract(name, factory);
  describeChatroomRepositoryContract(name, factory);
  describeMembershipRepositoryContract(name, factory);
  describeRoomUserListRepositoryContract(name, factory);
  describeMuteRepositoryContract(name, factory);
  describeRoomAttributeRepositoryContract(name, factory);
  describeSuperAdminRepositoryContract(name, factory);
  describeEventOutboxContract(name, factory);
  describeDeliveryQueueContract(name, factory);
  describeQueryCountContract(name, factory);
  describeWriteRoundTripsContract(name, factory);
  describeListCommandsContract(name, factory);
  describeSettingsCommandsContract(name, factory);
  describeUnmuteContract(name, factory);
  describeInterleavingsContract(name, factory);
  describeUseCaseRacesContract(name, factory);
  describeRoomInvariantsContract(name, factory);
}
