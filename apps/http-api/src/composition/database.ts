import type { UnitOfWork } from '@chatroom/domain';

/**
 * The store as the service sees it: the unit of work (ids come with its repositories) plus its lifecycle. The
 * PostgreSQL adapter (pg or PGlite) has this shape; tests use an in-memory one.
 */
export interface Database {
  readonly kind: 'postgres' | 'pglite' | 'memory';
  readonly uow: UnitOfWork;
  /** The connection pool right now (PostgreSQL only), for metrics. */
  readonly poolStats?: () => { total: number; idle: number; waiting: number };
  /** Reachable and migrated. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}
