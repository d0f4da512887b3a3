import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../http/openapi/document.js';
import { clientTypes, CLIENT_TYPES_FILE } from './client-types.js';

describe('the typed client (libs/client)', () => {
  it('its checked-in types are those of the current document (else: npm run generate:client)', async () => {
    const checkedIn = await readFile(CLIENT_TYPES_FILE, 'utf8');
    const current = await clientTypes(openApiDocument());
    expect(
      checkedIn === current,
      'libs/client/src/generated/openapi.ts lags /openapi.json: run `npm run generate:client`',
    ).toBe(true);
  });
});
