/**
 * The port contract suite: the behaviour every adapter of the domain's ports must show,
 * written once and run by each adapter's own test file. A store (every repository behind one
 * UnitOfWork) runs all of it with one call:
 *
 *   describeStoreContracts('my-db', {
 *     open: async () => ({ uow, ids, probes, close }),   // a fresh, empty, migrated store
 *     // exactly one of:
 *     openSecond: async () => ({ uow, ids, probes, close }), // own connections, SAME store: a second "process"
 *     noSecondHandle: 'why not (printed in the title of every two-handle case that does not run)',
 *     // and one of:
 *     concurrentUnits: true,                               // checked: two units must run at once
 *     concurrentUnits: false, serialisedBecause: 'why',    // checked: units must run one at a time
 *   });
 *
 * `probes` (StoreProbes) are test hooks the store provides:
 * - blockedUnits(): units now waiting for a lock another unit holds (PostgreSQL: pg_stat_activity
 *   wait_event_type = 'Lock'; MariaDB: information_schema.INNODB_TRX with trx_state = 'LOCK WAIT',
 *   joined to PROCESSLIST on trx_mysql_thread_id = ID for DB = DATABASE()); the forced
 *   interleavings fail unless it sees their second unit wait;
 * - queryCount(): statements run and rows returned by this handle so far (kysely: a plugin;
 *   anything else: wrap the repositories with countingRepositories);
 * - counterMismatches(): stored counters that differ from a recount ([] when counts are derived).
 *
 * A store that delivers events gives each handle `delivery: { queue, rules }` (its DeliveryQueue
 * and EventRuleStore with prune), judged by describeDeliveryQueueContract; one that does not
 * declares `noDeliveryQueue: 'why'` in the factory.
 *
 * Other ports: describeIdGeneratorContract(name, (clock) => ({ first, second, close })) with two
 * instances on one store and the suite's clock; describeTokenSignerContract(name, () => signer),
 * describeCredentialHasherContract, describeRandomContract, describeClockContract the same way.
 *
 * Tests isolate themselves by creating their own app (random org/name), so one store may
 * serve a whole describe block; nothing else should write apps to it meanwhile, because
 * AppRepository.count is checked by exact differences.
 */
export type {
  DeliveryPorts,
  OpenStore,
  QueryCount,
  SecondHandle,
  StoreFactory,
  StoreHandle,
  StoreProbes,
  UnitConcurrency,
} from './store-factory.js';
export { countingRepositories, QueryCounter } from './counting-repositories.js';
export { describeStoreContracts } from './store-contracts.js';
export { describeUnitOfWorkContract } from './unit-of-work-contract.js';
export { describeConcurrencyContract } from './concurrency-contract.js';
export { describeAppRepositoryContract } from './app-repository-contract.js';
export { describeUserRepositoryContract } from './user-repository-contract.js';
export { describeChatroomRepositoryContract } from './chatroom-repository-contract.js';
export { describeMembershipRepositoryContract } from './membership-repository-contract.js';
export { describeRoomUserListRepositoryContract } from './room-user-list-repository-contract.js';
export { describeMuteRepositoryContract } from './mute-repository-contract.js';
export { describeRoomAttributeRepositoryContract } from './room-attribute-repository-contract.js';
export { describeSuperAdminRepositoryContract } from './super-admin-repository-contract.js';
export { describeQueryCountContract } from './query-count-contract.js';
export {
  describeWriteRoundTripsContract,
  WRITE_CASES,
  type WriteCase,
  type WriteRoundTrips,
} from './write-round-trips-contract.js';
export { LIST_UNIT_CALLS } from './list-write-cases.js';
export { describeInterleavingsContract } from './interleavings-contract.js';
export { describeUseCaseRacesContract } from './use-case-races-contract.js';
export { describeRoomInvariantsContract } from './room-invariants-contract.js';
export { describeIdGeneratorContract, SteppingClock, type IdGeneratorPair } from './id-generator-contract.js';
export { describeCredentialHasherContract } from './credential-hasher-contract.js';
export { describeTokenSignerContract } from './token-signer-contract.js';
export { describeRandomContract } from './random-contract.js';
export { describeClockContract } from './clock-contract.js';
export { describeEventOutboxContract } from './event-outbox-contract.js';
export { describeDeliveryQueueContract } from './delivery-queue-contract.js';
export { checkRowsHeldBehindFailingHead, type FailingHeadStore } from './failing-head-check.js';
export { describeOperatorStoreContract, type OpenOperatorStore } from './operator-store-contract.js';
export { describeImportProgressContract, type ImportProgressUnderTest } from './import-progress-contract.js';
