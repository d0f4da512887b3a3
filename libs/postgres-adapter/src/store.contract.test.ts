import { describeIdGeneratorContract, describeStoreContracts, type StoreFactory } from '@chatroom/domain/testing';
import { afterAll, describe } from 'vitest';
import { adaptersUnderTest } from './test-support/adapters-under-test.js';

// The domain's port contract suite, the same tests the in-memory adapters pass, on each dialect.
const dialects = await adaptersUnderTest();
afterAll(() => Promise.all(dialects.map((d) => d.cleanup())));

for (const dialect of dialects) {
  const { openSecond } = dialect;
  const factory: StoreFactory = {
    open: () => dialect.open(),
    ...(openSecond && { openSecond: () => openSecond() }),
  };
  describe.skipIf(!dialect.available)(dialect.name, () => {
    describeStoreContracts(dialect.name, factory);
    describeIdGeneratorContract(dialect.name, () => dialect.open());
  });
}
