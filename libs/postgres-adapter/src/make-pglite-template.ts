import { openPostgresAdapter } from './open-postgres-adapter.js';

// `npm run build` runs this: it leaves the PGlite template (see pglite-template.ts) in place, so
// that the first embedded start after a build does not pay for initdb.
const adapter = await openPostgresAdapter({ dataDir: 'memory://' });
await adapter.close();
