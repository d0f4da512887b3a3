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
    expect(response.text).toContain('src="/docs/init.js"');
    expect(response.text).not.toMatch(/<script>/);
    expect(response.text).not.toMatch(/https?:\/\//);
    const init = await svc.call('GET', '/docs/init.js', { token: null });
    expect(init.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(init.text).toContain("url: '/openapi.json'");
    expect(init.text).toContain('validatorUrl: null');
  });

  it('sends a CSP allowing scripts only from the service, forbids framing, sniffing and referrers', async () => {
    for (const path of ['/docs', '/docs/init.js', '/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css']) {
      const response = await svc.call('GET', path, { token: null });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp.split('; ')).toEqual(
        expect.arrayContaining(["default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"]),
      );
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
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
