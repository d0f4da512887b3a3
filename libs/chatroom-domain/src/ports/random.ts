export interface Random {
  /** A random RFC 4122 version 4 UUID. */
  uuid(): string;
  /** A random secret of at least 256 bits, as URL-safe text. */
  secret(): string;
}
