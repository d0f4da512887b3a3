import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../http/openapi/document.js';
import { clientTypes, CLIENT_TYPES_FILE } from './client-types.js';

// `npm run generate:client`: rewrites libs/client/src/generated/openapi.ts from the document.
await writeFile(CLIENT_TYPES_FILE, await clientTypes(openApiDocument()));
console.log(`wrote ${fileURLToPath(CLIENT_TYPES_FILE)}`);
