import { InvalidInputError } from '@chatroom/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorRow } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';
import { assertWellFormedBody } from './well-formed-text.js';

/** `depth` arrays inside one another, around `inner`, as JSON text (JSON.stringify would recurse). */
function nested(depth: number, inner: string): string {
  return '['.repeat(depth) + inner + ']'.repeat(depth);
}

describe('assertWellFormedBody', () => {
  it('accepts a body nested 100,000 deep without overflowing the stack', () => {
    expect(() => assertWellFormedBody(JSON.parse(nested(100_000, '"fine"')))).not.toThrow();
  });

  it('finds a NUL deep inside, and names where it is', () => {
    const body = { a: [{ b: 'ok' }, { c: JSON.parse(nested(50_000, '"x\\u0000"')) }] };
    expect(() => assertWellFormedBody(body)).toThrow(InvalidInputError);
    expect(() => assertWellFormedBody(body)).toThrow(/^a\[1\]\.c\[0\]\[0\]/);
  });

  it('reports the first problem in document order, keys included', () => {
    expect(() => assertWellFormedBody({ a: { b: 'x\u0000' }, ['k\u0000']: 1 })).toThrow(/^a\.b must not/);
    expect(() => assertWellFormedBody({ ['k\u0000']: 1, a: { b: 'x\u0000' } })).toThrow(/^k\u0000 must not/);
  });
});

describe('a deeply nested body over HTTP', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.close());

  it('is a 400 naming the field, not a 500', async () => {
    const body = `{"name":${nested(40_000, '1')},"description":"d","owner":"nobody"}`;
    const response = await svc.call('POST', svc.appPath('/chatrooms'), { body });
    expect(errorRow(response)).toEqual({
      status: 400,
      error: 'invalid_parameter',
      error_description: 'name must be a string',
    });
  });
});
