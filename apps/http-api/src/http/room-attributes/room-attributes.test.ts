import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
  await registerUsers(svc, 'olive', 'amy', 'ben', 'out');
});
afterAll(() => svc.close());

const userPath = (id: string, user: string, forced = false) =>
  svc.appPath(`/metadata/chatroom/${id}/user/${user}${forced ? '/forced' : ''}`);
const set = (id: string, user: string, body: unknown, forced = false) =>
  svc.call('PUT', userPath(id, user, forced), { body });
const remove = (id: string, user: string, body: unknown, forced = false) =>
  svc.call('DELETE', userPath(id, user, forced), { body });
const read = (id: string, body?: unknown) => svc.call('POST', svc.appPath(`/metadata/chatroom/${id}`), { body });
const all = async (id: string) => (await read(id)).body.data;

const INVALID = (description: string) => ({ status: 400, error: 'invalid_parameter', error_description: description });
const NOT_IN_ROOM = { status: 401, error: 'MetadataException', error_description: 'user is not in chatroom' };
const BATCH_10 = { status: 400, error: 'metadata_error', error_description: 'exceed allowed batch size 10' };
const ROOM_404 = { status: 404, error: 'resource_not_found', error_description: 'grpID 999999 does not exist!' };
const elevenKeys = () => Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));

/** A room of olive with amy and ben. */
const room = () => createRoom(svc, 'olive', { members: ['amy', 'ben'] });

describe('PUT /{org}/{app}/metadata/chatroom/{id}/user/{username}', () => {
  it('sets pairs; the whole envelope of decisions.md carries data {successKeys, errorKeys}', async () => {
    const id = await room();
    const response = await set(id, 'AMY', { metaData: { topic: 'cats', 'mood.now': 'calm' } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      action: 'put',
      application: expect.any(String),
      applicationName: svc.app,
      organization: svc.org,
      uri: `${svc.url}${svc.appPath(`/metadata/chatroom/${id}/user/AMY`)}`,
      entities: [],
      data: { successKeys: ['topic', 'mood.now'], errorKeys: {} },
      timestamp: expect.any(Number),
      duration: expect.any(Number),
      properties: {},
    });
    expect(await all(id)).toEqual({ 'mood.now': 'calm', topic: 'cats' });
  });

  it('per-key problems go to errorKeys with HTTP 200; the other keys are set', async () => {
    const id = await room();
    const response = await set(id, 'amy', {
      metaData: { good: 'yes', 'bad key': 'x', ['k'.repeat(129)]: 'x', long: 'v'.repeat(4097) },
    });
    expect(response.status).toBe(200);
    expect(response.body.data.successKeys).toEqual(['good']);
    expect(Object.keys(response.body.data.errorKeys).sort()).toEqual(['bad key', 'k'.repeat(129), 'long'].sort());
    expect(response.body.data.errorKeys['k'.repeat(129)]).toBe(
      `properties key '${'k'.repeat(129)}' is exceeding maximum limit 128`,
    );
    expect(await all(id)).toEqual({ good: 'yes' });
  });

  it("a key another member owns is refused per key ('others are not allowed to be set'); the forced variant overwrites it", async () => {
    const id = await room();
    await set(id, 'amy', { metaData: { topic: 'cats' } });
    const refused = await set(id, 'ben', { metaData: { topic: 'dogs', own: 'b' } });
    expect(refused.body.data).toEqual({
      successKeys: ['own'],
      errorKeys: { topic: 'others are not allowed to be set' },
    });
    expect(await all(id)).toEqual({ own: 'b', topic: 'cats' });
    const forced = await set(id, 'ben', { metaData: { topic: 'dogs' } }, true);
    expect(forced.body).toMatchObject({ action: 'put', data: { successKeys: ['topic'], errorKeys: {} } });
    expect((await all(id)).topic).toBe('dogs');
  });

  it('a body with a key named __proto__ is refused whole, as everywhere (400 not valid JSON)', async () => {
    const id = await room();
    // Raw JSON text: an object literal would set the prototype instead of sending the key.
    expect(errorRow(await set(id, 'amy', '{"metaData":{"__proto__":"p","x":"y"}}'))).toEqual(
      INVALID('request body is not valid JSON'),
    );
    expect(await all(id)).toEqual({});
  });

  it('autoDelete DELETE (the default) goes when the owner leaves; NO_DELETE stays', async () => {
    const id = await room();
    await set(id, 'amy', { metaData: { temp: '1' } });
    await set(id, 'amy', { metaData: { kept: '2' }, autoDelete: 'NO_DELETE' });
    await svc.call('DELETE', svc.appPath(`/chatrooms/${id}/users/amy`));
    expect(await all(id)).toEqual({ kept: '2' });
  });

  it.each(
    [
      ['11 pairs', { metaData: elevenKeys() }, BATCH_10],
      ['no metaData', {}, INVALID('metaData must be provided')],
      ['metaData a list', { metaData: [['a', 'b']] }, INVALID('metaData must be a JSON object')],
      ['metaData a string', { metaData: 'a=b' }, INVALID('metaData must be a JSON object')],
      ['a value that is not a string', { metaData: { a: 'b', n: 1 } }, INVALID('metaData.n must be a string')],
      ['an empty metaData', { metaData: {} }, INVALID('metaData must contain at least one key')],
      [
        'an unknown autoDelete',
        { metaData: { a: 'b' }, autoDelete: 'SOMETIMES' },
        INVALID('autoDelete must be DELETE or NO_DELETE'),
      ],
    ].map(([label, body, row]) => ({ label, body, row })),
  )('$label → refused, nothing set', async ({ body, row }) => {
    const id = await room();
    expect(errorRow(await set(id, 'amy', body))).toEqual(row);
    expect(await all(id)).toEqual({});
  });

  it.each([false, true])('a user who is not a member (forced: %s) → 401 MetadataException', async (forced) => {
    const id = await room();
    expect(errorRow(await set(id, 'out', { metaData: { a: 'b' } }, forced))).toEqual(NOT_IN_ROOM);
    expect(await all(id)).toEqual({});
  });

  it('the forced variant also refuses 11 pairs', async () => {
    const id = await room();
    expect(errorRow(await set(id, 'amy', { metaData: elevenKeys() }, true))).toEqual(BATCH_10);
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await set('999999', 'amy', { metaData: { a: 'b' } }))).toEqual(ROOM_404);
  });
});

describe('POST /{org}/{app}/metadata/chatroom/{id} (read)', () => {
  it('answers every attribute without keys (no body, {} or an empty list), or those among keys', async () => {
    const id = await room();
    await set(id, 'amy', { metaData: { a: '1', b: '2', c: '3' } });
    const everything = await read(id);
    expect(everything.status).toBe(200);
    expect(everything.body).toMatchObject({
      action: 'post',
      organization: svc.org,
      uri: `${svc.url}${svc.appPath(`/metadata/chatroom/${id}`)}`,
      entities: [],
      data: { a: '1', b: '2', c: '3' },
      properties: {},
    });
    expect((await read(id, {})).body.data).toEqual({ a: '1', b: '2', c: '3' });
    expect((await read(id, { keys: [] })).body.data).toEqual({ a: '1', b: '2', c: '3' });
    expect((await read(id, { keys: ['c', 'a', 'zz'] })).body.data).toEqual({ a: '1', c: '3' });
  });

  it.each(
    [
      ['keys a string', { keys: 'a' }, INVALID('keys must be an array')],
      ['a key a number', { keys: ['a', 1] }, INVALID('keys[1] must be a string')],
    ].map(([label, body, row]) => ({ label, body, row })),
  )('$label → refused', async ({ body, row }) => {
    const id = await room();
    expect(errorRow(await read(id, body))).toEqual(row);
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await read('999999'))).toEqual(ROOM_404);
  });
});

describe('DELETE /{org}/{app}/metadata/chatroom/{id}/user/{username}', () => {
  it('deletes own keys; others and missing keys go to errorKeys; the whole envelope adds status "ok"', async () => {
    const id = await room();
    await set(id, 'amy', { metaData: { mine: '1', also: '2' } });
    await set(id, 'ben', { metaData: { theirs: '3' } });
    const response = await remove(id, 'amy', { keys: ['mine', 'theirs', 'nope'] });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      uri: `${svc.url}${svc.appPath(`/metadata/chatroom/${id}/user/amy`)}`,
      applicationName: svc.app,
      entities: [],
      duration: expect.any(Number),
      properties: {},
      status: 'ok',
      action: 'delete',
      data: {
        successKeys: ['mine'],
        errorKeys: { theirs: 'others are not allowed to be deleted', nope: 'the key nope does not exist' },
      },
    });
    expect(await all(id)).toEqual({ also: '2', theirs: '3' });
  });

  it('the forced variant deletes anyone’s keys', async () => {
    const id = await room();
    await set(id, 'ben', { metaData: { theirs: '3' } });
    const response = await remove(id, 'amy', { keys: ['theirs'] }, true);
    expect(response.body).toMatchObject({ status: 'ok', data: { successKeys: ['theirs'], errorKeys: {} } });
    expect(await all(id)).toEqual({});
  });

  it.each(
    [
      ['11 keys', { keys: Object.keys(elevenKeys()) }, BATCH_10],
      ['no body', undefined, INVALID('keys must be provided')],
      ['keys a string', { keys: 'mine' }, INVALID('keys must be an array')],
      ['an empty list', { keys: [] }, INVALID('keys must contain at least one key')],
    ].map(([label, body, row]) => ({ label, body, row })),
  )('$label → refused, nothing deleted', async ({ body, row }) => {
    const id = await room();
    await set(id, 'amy', { metaData: { mine: '1' } });
    expect(errorRow(await remove(id, 'amy', body))).toEqual(row);
    expect(await all(id)).toEqual({ mine: '1' });
  });

  it('a user who is not a member → 401 MetadataException', async () => {
    const id = await room();
    expect(errorRow(await remove(id, 'out', { keys: ['a'] }))).toEqual(NOT_IN_ROOM);
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await remove('999999', 'amy', { keys: ['a'] }))).toEqual(ROOM_404);
  });
});
