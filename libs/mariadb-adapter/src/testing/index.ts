export { createTestMariadbDatabase, type TestMariadbDatabase } from './create-test-database.js';
