// Bundles the service and the admin CLI once per test run, so that the tests that start them as
// processes pay one esbuild run (about a second) instead of a TypeScript loader on every start.
import { bundle } from './bundle.mjs';

export default async function setup() {
  await bundle('test-bundle');
}
