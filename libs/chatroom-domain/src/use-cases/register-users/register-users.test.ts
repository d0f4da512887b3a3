import { describe, expect, it } from 'vitest';
import { GetUser } from '../get-user/get-user.js';
import { failureOf, TestWorld } from '../test-fixtures.js';
import { RegisterUsers, type RegisterUserInput } from './register-users.js';

async function setup() {
  const w = await TestWorld.create();
  return { w, register: (inputs: RegisterUserInput[]) => new RegisterUsers(w.deps).execute(w.app, inputs) };
}

const user = (username: string, extra: Partial<RegisterUserInput> = {}): RegisterUserInput => ({
  username,
  password: 'pw',
  ...extra,
});

describe('RegisterUsers', () => {
  it('registers a user under its lower-cased id', async () => {
    const { w, register } = await setup();
    const { created, failed } = await register([user('Alice', { nickname: 'Al' })]);
    expect(failed).toEqual([]);
    expect(created).toEqual([
      {
        appId: w.app.id,
        username: 'alice',
        uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        passwordHash: expect.any(String),
        nickname: 'Al',
        created: w.deps.clock.now(),
        modified: w.deps.clock.now(),
      },
    ]);
  });

  it('stores a hash of the password, not the password', async () => {
    const { w, register } = await setup();
    const [alice] = (await register([user('alice', { password: 'hunter2' })])).created;
    expect(alice!.passwordHash).not.toBe('hunter2');
    expect(await w.deps.hasher.verify('hunter2', alice!.passwordHash)).toBe(true);
  });

  it('leaves the nickname null when none is given', async () => {
    const { register } = await setup();
    expect((await register([user('alice')])).created[0]!.nickname).toBeNull();
  });

  it('registers a batch of 60 users', async () => {
    const { register } = await setup();
    const names = Array.from({ length: 60 }, (_, i) => `user${i}`);
    expect((await register(names.map((n) => user(n)))).created.map((u) => u.username)).toEqual(names);
  });

  it('refuses a batch of 61 users and creates none', async () => {
    const { w, register } = await setup();
    const inputs = Array.from({ length: 61 }, (_, i) => user(`user${i}`));
    expect(await failureOf(register(inputs))).toEqual({
      class: 'InvalidInputError',
      code: 'IllegalArgument',
      message: 'Request body array size[61] had almost reached or been greater than the upper range value[60]',
    });
    expect(await w.userExists('user0')).toBe(false);
  });

  it('refuses an empty request', async () => {
    const { register } = await setup();
    expect(await failureOf(register([]))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'request body must contain at least one user',
    });
  });

  it('creates the others when some users of a batch already exist', async () => {
    const { w, register } = await setup();
    await w.users('bob');
    const result = await register([user('alice'), user('Bob'), user('carol')]);
    expect(result.created.map((u) => u.username)).toEqual(['alice', 'carol']);
    expect(result.failed).toEqual([{ username: 'bob', reason: 'the bob already exists' }]);
  });

  it('creates a name given twice in one batch once and reports the second', async () => {
    const { register } = await setup();
    const result = await register([user('alice'), user('ALICE')]);
    expect(result.created.map((u) => u.username)).toEqual(['alice']);
    expect(result.failed).toEqual([{ username: 'alice', reason: 'the alice already exists' }]);
  });

  it('reports a batch whose users all exist as failures, not as an error', async () => {
    const { w, register } = await setup();
    await w.users('alice', 'bob');
    const result = await register([user('alice'), user('bob')]);
    expect(result.created).toEqual([]);
    expect(result.failed.map((f) => f.username)).toEqual(['alice', 'bob']);
  });

  it('fails a single registration of an existing user', async () => {
    const { w, register } = await setup();
    await w.users('bob');
    expect(await failureOf(register([user('BOB')]))).toEqual({
      class: 'AlreadyExistsError',
      code: 'UserAlreadyExists',
      message: 'Application chat Entity user requires that property named username be unique, value of bob exists',
    });
  });

  it.each([undefined, ''])('requires a password (%j) and then creates nobody', async (password) => {
    const { w, register } = await setup();
    const { password: _, ...noPassword } = user('bob');
    const input = password === undefined ? noPassword : { ...noPassword, password };
    expect(await failureOf(register([user('alice'), input]))).toEqual({
      class: 'InvalidInputError',
      code: 'PasswordMissing',
      message: 'password or pin must provided',
    });
    expect(await w.userExists('alice')).toBe(false);
  });

  it('refuses a password over 64 characters', async () => {
    const { register } = await setup();
    expect(await failureOf(register([user('alice', { password: 'p'.repeat(65) })]))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'password must not exceed 64 characters',
    });
  });

  it('accepts a nickname of 100 characters, counted in code points', async () => {
    const { register } = await setup();
    const nickname = '😀'.repeat(100);
    expect((await register([user('alice', { nickname })])).created[0]!.nickname).toBe(nickname);
  });

  it('refuses a nickname of 101 characters', async () => {
    const { register } = await setup();
    expect(await failureOf(register([user('alice', { nickname: '名'.repeat(101) })]))).toEqual({
      class: 'InvalidInputError',
      code: 'NicknameTooLong',
      message: 'NICKNAME_TOO_LONG',
    });
  });

  it('refuses the whole batch when one id is illegal', async () => {
    const { w, register } = await setup();
    expect(await failureOf(register([user('alice'), user('b@d')]))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidUsername',
      message: 'username b@d is not legal',
    });
    expect(await w.userExists('alice')).toBe(false);
  });

  it('refuses an id over 64 bytes', async () => {
    const { register } = await setup();
    expect((await failureOf(register([user('u'.repeat(65))]))).message).toBe('USERNAME_TOO_LONG');
  });

  it('creates a user only in its own app', async () => {
    const { w, register } = await setup();
    await register([user('alice')]);
    const other = await w.otherApp();
    expect((await failureOf(new GetUser(w.deps).execute(other, 'alice'))).code).toBe('UserResourceNotFound');
  });

  it('lets the same id be registered in another app', async () => {
    const { w, register } = await setup();
    await register([user('alice')]);
    const other = await w.otherApp();
    expect((await new RegisterUsers(w.deps).execute(other, [user('alice')])).created).toHaveLength(1);
  });

  it('creates a name raced by parallel registrations exactly once', async () => {
    const { w, register } = await setup();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => register([user('alice')])));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => r.reason.code)).toEqual(Array(9).fill('UserAlreadyExists'));
    expect(await w.userExists('alice')).toBe(true);
  });
});
