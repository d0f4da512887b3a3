/**
 * `npm run cluster:down`: stops exactly the processes `cluster:up` recorded and removes their
 * folder. Safe to run twice (a second run finds nothing to do). `CLUSTER_DIR` names another folder.
 */
import { existsSync, rmSync } from 'node:fs';
import { loadState, readPointer, removePointer } from './cluster-state.js';
import { takeDown } from './local-cluster.js';

const dir = process.env.CLUSTER_DIR || readPointer();
if (!dir) {
  console.log('no cluster recorded: nothing to stop');
} else {
  const state = loadState(dir);
  if (state) await takeDown(state);
  else if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  if (!process.env.CLUSTER_DIR || process.env.CLUSTER_DIR === readPointer()) removePointer();
  console.log(`cluster in ${dir} stopped and removed`);
}
