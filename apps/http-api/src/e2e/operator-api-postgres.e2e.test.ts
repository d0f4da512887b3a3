import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import { describeOperatorApiOnStore } from '../testing/operator-api-on-store.js';

const db = await createTestDatabase();
describeOperatorApiOnStore('PostgreSQL', db?.url, async () => db?.drop());
