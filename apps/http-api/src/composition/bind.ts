import type { Container } from 'inversify';
import type { Token } from '../ports/tokens.js';

/** The tokens of a factory's parameters, in order. */
export type TokensOf<Args extends readonly unknown[]> = { readonly [K in keyof Args]: Token<Args[K]> };

/**
 * Binds (or, with `rebind`, replaces) `token` with what `factory` makes from the values of `dependencies`, built once on first use.
 * Unlike inversify's `toResolvedValue(fn, [symbols])`, the compiler checks each dependency's token
 * against the factory's parameter at the same place and the result against the token's type.
 */
export function bindFactory<T, Args extends readonly unknown[]>(
  container: Container,
  token: Token<T>,
  factory: (...args: Args) => T | Promise<T>,
  dependencies: NoInfer<TokensOf<Args>>,
  how: 'bind' | 'rebind' = 'bind',
): void {
  const binder = how === 'rebind' ? container.rebind<T>(token) : container.bind<T>(token);
  binder.toResolvedValue(
    factory as unknown as (...args: unknown[]) => T | Promise<T>,
    dependencies as unknown as symbol[],
  );
}

/** Binds (or, with `rebind`, replaces) `token` with one value of its type. */
export function bindValue<T>(container: Container, token: Token<T>, value: T, how: 'bind' | 'rebind' = 'bind'): void {
  if (how === 'rebind') container.rebind<T>(token).toConstantValue(value);
  else container.bind<T>(token).toConstantValue(value);
}

/** The value bound to `token`, made on first use. */
export function resolve<T>(container: Container, token: Token<T>): Promise<T> {
  return container.getAsync<T>(token);
}
