export { createTestDatabase, setupTestDatabaseServer, type TestDatabase } from './create-test-database.js';
