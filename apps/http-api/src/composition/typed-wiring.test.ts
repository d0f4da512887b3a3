import { inMemoryDependencies, type CredentialHasher, type Dependencies, type TokenSigner } from '@chatroom/domain';
import { Container } from 'inversify';
import { describe, expect, it } from 'vitest';
import { asSecretHasher, token, TOKENS, type SecretHasher } from '../ports/tokens.js';
import { bindFactory, bindValue, resolve } from './bind.js';

/**
 * The wiring is checked by the compiler: each `@ts-expect-error` below fails `typecheck` the
 * moment the line after it compiles, so these cases prove that a mis-wired binding is refused.
 */
describe('typed wiring', () => {
  const deps = inMemoryDependencies();
  const hashers = () => {
    const container = new Container({ defaultScope: 'Singleton' });
    bindValue(container, TOKENS.CredentialHasher, deps.hasher);
    bindValue(container, TOKENS.SecretHasher, asSecretHasher(deps.secretHasher));
    bindValue(container, TOKENS.TokenSigner, deps.tokens);
    return container;
  };
  const both = token<Pick<Dependencies, 'hasher' | 'secretHasher'>>('both');

  it('resolves a factory whose dependency tokens match its parameters, in order', async () => {
    const container = hashers();
    bindFactory(container, both, (hasher: CredentialHasher, secretHasher: SecretHasher) => ({ hasher, secretHasher }), [
      TOKENS.CredentialHasher,
      TOKENS.SecretHasher,
    ]);
    const built = await resolve(container, both);
    expect(built.hasher).toBe(deps.hasher);
    expect(built.secretHasher).toBe(deps.secretHasher);
  });

  it('refuses to compile the password hasher and the secret hasher swapped', () => {
    const container = hashers();
    bindFactory(
      container,
      both,
      (hasher: CredentialHasher, secretHasher: SecretHasher) => ({ hasher, secretHasher }),
      // @ts-expect-error the tokens are in the wrong order: a SecretHasher where a CredentialHasher goes
      [TOKENS.SecretHasher, TOKENS.CredentialHasher],
    );
    expect(container.isBound(both)).toBe(true);
  });

  it('refuses to compile ports of unrelated types swapped, a missing token and a wrongly typed result', () => {
    const container = hashers();
    const signing = token<{ hasher: CredentialHasher; tokens: TokenSigner }>('signing');
    bindFactory(
      container,
      signing,
      (hasher: CredentialHasher, tokens: TokenSigner) => ({ hasher, tokens }),
      // @ts-expect-error a TokenSigner token where a CredentialHasher goes
      [TOKENS.TokenSigner, TOKENS.CredentialHasher],
    );
    // @ts-expect-error one token for two parameters
    bindFactory(container, token<string>('short'), (_a: CredentialHasher, _b: TokenSigner) => 'x', [
      TOKENS.CredentialHasher,
    ]);
    // @ts-expect-error the factory makes a number for a token of strings
    bindFactory(container, token<string>('text'), () => 42, []);
    // @ts-expect-error a plain CredentialHasher bound where a SecretHasher must be
    bindValue(container, TOKENS.SecretHasher, deps.hasher, 'rebind');
    expect(container.isBound(signing)).toBe(true);
  });
});
