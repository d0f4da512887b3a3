import { InMemoryImportProgress } from '../in-memory/in-memory-import-progress.js';
import { describeImportProgressContract } from './import-progress-contract.js';

describeImportProgressContract('in-memory', async () => ({
  progress: new InMemoryImportProgress(),
  appId: 'app-1',
  close: async () => {},
}));
