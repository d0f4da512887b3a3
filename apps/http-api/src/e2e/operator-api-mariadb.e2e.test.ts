import { createTestMariadbDatabase } from '@chatroom/mariadb-adapter/testing';
import { describeOperatorApiOnStore } from '../testing/operator-api-on-store.js';

const db = await createTestMariadbDatabase();
describeOperatorApiOnStore('MariaDB', db?.url, async () => db?.drop());
