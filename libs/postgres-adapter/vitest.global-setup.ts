// One PostgreSQL server lookup (and at most one container) per test run, not per test file.
export { setupTestDatabaseServer as default } from './src/testing/create-test-database.js';
