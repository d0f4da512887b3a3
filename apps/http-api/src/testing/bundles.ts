import { fileURLToPath } from 'node:url';

/** The service and the admin CLI as the test run's global setup bundles them from the sources. */
export const SERVICE_BUNDLE = fileURLToPath(new URL('../../test-bundle/main.js', import.meta.url));
export const ADMIN_BUNDLE = fileURLToPath(new URL('../../test-bundle/admin/main.js', import.meta.url));
