import { describeAppRepositoryContract } from './app-repository-contract.js';
import { describeChatroomRepositoryContract } from './chatroom-repository-contract.js';
import { describeMembershipRepositoryContract } from './membership-repository-contract.js';
import type { StoreFactory } from './store-factory.js';
import { describeUnitOfWorkContract } from './unit-of-work-contract.js';
import { describeUserRepositoryContract } from './user-repository-contract.js';

/** Every store port's contract; each describe block opens its own store through the factory. */
export function describeStoreContracts(name: string, factory: StoreFactory): void {
  describeUnitOfWorkContract(name, factory);
  describeAppRepositoryContract(name, factory);
  describeUserRepositoryContract(name, factory);
  describeChatroomRepositoryContract(name, factory);
  describeMembershipRepositoryContract(name, factory);
}
