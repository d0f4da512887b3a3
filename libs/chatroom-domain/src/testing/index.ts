/**
 * The port contract suite: the behaviour every adapter of the domain's ports must show,
 * written once and run by each adapter's own test file, e.g.
 *
 *   describeStoreContracts('postgres', { open: () => openStore(), openSecond: () => openStoreAgain() });
 *   describeTokenSignerContract('jose', () => new JoseTokenSigner());
 *
 * Tests isolate themselves by creating their own app (random org/name), so one store may
 * serve a whole describe block; nothing else should write apps to it meanwhile, because
 * AppRepository.count is checked by exact differences.
 */
export type { OpenStore, StoreFactory, StoreHandle } from './store-factory.js';
export { describeStoreContracts } from './store-contracts.js';
export { describeUnitOfWorkContract } from './unit-of-work-contract.js';
export { describeAppRepositoryContract } from './app-repository-contract.js';
export { describeUserRepositoryContract } from './user-repository-contract.js';
export { describeChatroomRepositoryContract } from './chatroom-repository-contract.js';
export { describeMembershipRepositoryContract } from './membership-repository-contract.js';
export { describeRoomUserListRepositoryContract } from './room-user-list-repository-contract.js';
export { describeMuteRepositoryContract } from './mute-repository-contract.js';
export { describeRoomAttributeRepositoryContract } from './room-attribute-repository-contract.js';
export { describeSuperAdminRepositoryContract } from './super-admin-repository-contract.js';
export { describeIdGeneratorContract } from './id-generator-contract.js';
export { describeCredentialHasherContract } from './credential-hasher-contract.js';
export { describeTokenSignerContract } from './token-signer-contract.js';
export { describeRandomContract } from './random-contract.js';
export { describeClockContract } from './clock-contract.js';
export { describeEventOutboxContract } from './event-outbox-contract.js';
