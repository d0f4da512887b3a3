import { describeAppRepositoryContract } from './app-repository-contract.js';
import { describeEventOutboxContract } from './event-outbox-contract.js';
import { describeChatroomRepositoryContract } from './chatroom-repository-contract.js';
import { describeMembershipRepositoryContract } from './membership-repository-contract.js';
import { describeMuteRepositoryContract } from './mute-repository-contract.js';
import { describeRoomAttributeRepositoryContract } from './room-attribute-repository-contract.js';
import { describeRoomUserListRepositoryContract } from './room-user-list-repository-contract.js';
import type { StoreFactory } from './store-factory.js';
import { describeSuperAdminRepositoryContract } from './super-admin-repository-contract.js';
import { describeUnitOfWorkContract } from './unit-of-work-contract.js';
import { describeUserRepositoryContract } from './user-repository-contract.js';

/** Every store port's contract; each describe block opens its own store through the factory. */
export function describeStoreContracts(name: string, factory: StoreFactory): void {
  describeUnitOfWorkContract(name, factory);
  describeAppRepositoryContract(name, factory);
  describeUserRepositoryContract(name, factory);
  describeChatroomRepositoryContract(name, factory);
  describeMembershipRepositoryContract(name, factory);
  describeRoomUserListRepositoryContract(name, factory);
  describeMuteRepositoryContract(name, factory);
  describeRoomAttributeRepositoryContract(name, factory);
  describeSuperAdminRepositoryContract(name, factory);
  describeEventOutboxContract(name, factory);
}
