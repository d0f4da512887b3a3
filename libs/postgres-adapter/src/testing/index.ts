export { createTestDatabase, setupTestDatabaseServer, type TestDatabase } from './create-test-database.js';
export { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
export { deadlockPartner, type DeadlockPartner } from './forced-deadlock.js';
