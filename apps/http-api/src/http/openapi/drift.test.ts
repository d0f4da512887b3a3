import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, openApiDocument } from './document.js';
import { OPERATIONS } from './operations.js';
import { TAGS } from './operation.js';
import { describedRoutes, routeLabel, servedRoutes, UNDESCRIBED_ROUTES } from './route-table.js';
import { responseChecker } from '../../testing/openapi-responses.js';
import { everyRoute } from '../../testing/service-router.js';

const router = everyRoute();
const document = openApiDocument();
const labels = (routes: { method: string; path: string }[]) => routes.map(routeLabel).sort();

describe('the document and the router describe the same routes', () => {
  const served = labels(servedRoutes(router));
  const described = labels(describedRoutes(document));
  const undescribed = labels([...UNDESCRIBED_ROUTES]);

  it('the router serves routes (the table is not empty)', () => {
    expect(served.length).toBeGreaterThan(40);
  });

  it('every served route is described (or listed in UNDESCRIBED_ROUTES with its reason)', () => {
    const missing = served.filter((route) => !described.includes(route) && !undescribed.includes(route));
    expect(
      missing,
      `served by the router but not in the OpenAPI document: add an Operation to the openapi.ts of its folder in apps/http-api/src/http/`,
    ).toEqual([]);
  });

  it('every described route is served', () => {
    const extra = described.filter((route) => !served.includes(route));
    expect(extra, 'described in the OpenAPI document but served by no route').toEqual([]);
  });

  it('UNDESCRIBED_ROUTES names only served routes that the document lacks', () => {
    for (const route of undescribed) {
      expect(served).toContain(route);
      expect(described).not.toContain(route);
    }
  });

  it('a route without a description fails the comparison, naming it', () => {
    const partial = labels(
      describedRoutes(buildOpenApiDocument(OPERATIONS.filter((op) => op.path !== '/{org}/{app}/chatrooms'))),
    );
    expect(served.filter((route) => !partial.includes(route) && !undescribed.includes(route))).toEqual([
      'GET /{org}/{app}/chatrooms',
      'POST /{org}/{app}/chatrooms',
    ]);
  });
});

describe('the document', () => {
  it('is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)', async () => {
    const result = await new Validator().validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('every operation has a summary, one known tag, and a 200 example; secured ones name the bearer scheme', () => {
    const tagNames: string[] = TAGS.map((tag) => tag.name);
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, op] of Object.entries(item as Record<string, any>)) {
        const label = `${method} ${path}`;
        expect(op.summary, label).toBeTruthy();
        expect(op.tags, label).toHaveLength(1);
        expect(tagNames, label).toContain(op.tags[0]);
        expect(Object.values(op.responses['200'].content)[0], label).toHaveProperty('example');
        if (op.requestBody) expect(op.requestBody.content['application/json'], label).toHaveProperty('example');
        if (op.tags[0].startsWith('operator')) {
          if (!['/admin/v1/token', '/admin/v1/session'].includes(path) || method === 'get' || method === 'delete') {
            expect(op.security, label).toEqual([{ operatorToken: [] }, { operatorSession: [] }]);
          }
        } else if (op.tags[0] !== 'operations' && !path.endsWith('/token'))
          expect(op.security, label).toEqual([{ bearer: [] }]);
      }
    }
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('every tag has operations', () => {
    const used = new Set(OPERATIONS.map((op) => op.tag));
    expect([...used].sort()).toEqual(TAGS.map((tag) => tag.name).sort());
  });

  it('every example, success and error, is valid against its own schema', () => {
    const check = responseChecker(document);
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, op] of Object.entries(item as Record<string, any>)) {
        for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
          const example = check.resolve(response).content?.['application/json']?.example;
          if (example === undefined) continue;
          expect(check.validateExample(method, path, Number(status), example), `${method} ${path} ${status}`).toEqual(
            [],
          );
        }
      }
    }
  });

  it('the error examples carry the exact strings of decisions.md', () => {
    const { resolve } = responseChecker(document);
    const chatrooms = (document.paths as any)['/{org}/{app}/chatrooms/{id}'].delete.responses;
    expect(chatrooms['404'].content['application/json'].example).toMatchObject({
      error: 'resource_not_found',
      error_description: 'grpID 100000000000001 does not exist!',
    });
    expect(chatrooms['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
    expect(resolve(chatrooms['401']).content['application/json'].example).toMatchObject({
      error: 'unauthorized',
      error_description: 'Unable to authenticate (OAuth)',
    });
  });
});

describe('the response check the HTTP tests run through', () => {
  const check = responseChecker(document);
  const ok = {
    action: 'delete',
    application: 'a',
    applicationName: 'app',
    organization: 'dev',
    uri: 'http://x/dev/app/chatrooms/1',
    entities: [],
    data: { success: true, id: '1' },
    timestamp: 1,
    duration: 0,
    properties: {},
  };
  const run = (body: unknown, status = 200, method = 'DELETE', path = '/dev/app/chatrooms/1') =>
    check.check(method, path, status, 'application/json', JSON.stringify(body));

  it('accepts an answer as documented', () => {
    expect(run(ok)).toEqual([]);
  });

  it('refuses a field returned but not documented', () => {
    expect(run({ ...ok, data: { ...ok.data, extra: 1 } }).join()).toMatch(/additional/);
  });

  it('refuses a documented field that is missing', () => {
    const { duration: _, ...withoutDuration } = ok;
    expect(run(withoutDuration).join()).toMatch(/required/);
  });

  it('refuses an undocumented status, and an error status without the error body', () => {
    expect(run(ok, 202).join()).toMatch(/not documented/);
    expect(run({ error: 'x' }, 404).join()).toMatch(/required/);
  });

  it('a literal path with a verb it lacks must answer the error body, not a room answer', () => {
    expect(run(ok, 200, 'PUT', '/dev/app/chatrooms/super_admin').join()).toMatch(/no such operation/);
  });
});
