import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../openapi/document.js';
import { errorRow } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc.close());

describe('GET /openapi.json', () => {
  it('serves the generated document, without a token', async () => {
    const response = await svc.call('GET', '/openapi.json', { token: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(response.body.openapi).toBe('3.1.0');
  });
});

describe('GET /docs', () => {
  it('serves the Swagger UI page: utf-8, the local bundle, no outside validator', async () => {
    const response = await svc.call('GET', '/docs', { token: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.text).toContain('<meta charset="utf-8">');
    expect(response.text).toContain('src="/docs/swagger-ui-bundle.js"');
    expect(response.text).toContain("url: '/openapi.json'");
    expect(response.text).toContain('validatorUrl: null');
    expect(response.text).not.toMatch(/https?:\/\//);
  });

  it('serves the page’s own files from swagger-ui-dist, and nothing else of the package', async () => {
    const bundle = await svc.call('GET', '/docs/swagger-ui-bundle.js', { token: null });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(bundle.text).toContain('SwaggerUIBundle');
    expect((await svc.call('GET', '/docs/swagger-ui.css', { token: null })).status).toBe(200);
    for (const file of ['package.json', 'index.html', '..%2Fpackage.json']) {
      expect(errorRow(await svc.call('GET', `/docs/${file}`, { token: null }))).toEqual({
        status: 404,
        error: 'service_resource_not_found',
        error_description: 'Service resource not found',
      });
    }
  });
});
