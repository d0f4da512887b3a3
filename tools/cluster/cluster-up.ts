/**
 * `npm run cluster:up`: the whole topology on this machine (see README "Running at scale").
 * Installs the Debian packages it needs, starts everything on free loopback ports with its data
 * under one temporary folder, and prints `BASE_URL=…` as its last line.
 */
import { ensureDebianPackages } from './debian-packages.js';
import { loadState, readPointer, writePointer } from './cluster-state.js';
import { isRunning } from './local-process.js';
import { LocalCluster, takeDown } from './local-cluster.js';

const recorded = readPointer();
const previous = recorded ? loadState(recorded) : undefined;
if (previous?.nginx && isRunning(previous.nginx)) {
  console.error(`a cluster already runs from ${recorded}: run \`npm run cluster:down\` first`);
  process.exit(1);
}
// The remains of an earlier cluster that did not come up fully (or whose nginx died): clear them.
if (previous) await takeDown(previous);
ensureDebianPackages();
const started = Date.now();
// The pointer names the folder before the first process starts, and the folder's state file
// names each process as it starts: `cluster:down` stops whatever an interrupted `up` left.
const cluster = await LocalCluster.up({ onDir: writePointer });
const { org, app, clientId, clientSecret } = cluster.bootstrap;
console.log(`cluster up in ${((Date.now() - started) / 1000).toFixed(1)} s; data and logs: ${cluster.state.dir}`);
console.log(
  `nodes: ${(await cluster.roles()).join(' ')}; instances on ports ${cluster.instances.map((i) => i.port).join(', ')}`,
);
console.log(
  `metrics: curl -s -H 'Authorization: Bearer ${cluster.state.metricsToken}' http://127.0.0.1:${cluster.instances[0]!.port}/metrics`,
);
console.log(`app: ${org}/${app}  client id: ${clientId}  client secret: ${clientSecret}`);
console.log(
  `get a token: curl -s -X POST ${cluster.baseUrl}/${org}/${app}/token -H 'Content-Type: application/json' -d '{"grant_type":"client_credentials","client_id":"${clientId}","client_secret":"${clientSecret}"}'`,
);
console.log(`BASE_URL=${cluster.baseUrl}`);
