import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenApiDocument } from '../http/openapi/document.js';

/** Where the typed client keeps the types generated from the document (checked in). */
export const CLIENT_TYPES_FILE = new URL('../../../../libs/client/src/generated/openapi.ts', import.meta.url);

const HEADER = `/**
 * Generated from the service's OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with \`npm run generate:client\`; a test fails while this file lags the document.
 */

`;

/** The TypeScript types of `document` (`paths`, `components`, `operations`), as openapi-typescript writes them. */
export async function clientTypes(document: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(structuredClone(document) as never);
  return HEADER + astToString(ast);
}
