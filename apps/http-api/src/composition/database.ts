import type { UnitOfWork } from '@chatroom/domain';

/**
 * The store as the service sees it: the unit of work (ids come with its repositories) plus its lifecycle. The
 * PostgreSQL adapter (pg or PGlite) has this shape; tests use an in-memory one.
 */
export interface Database {
  readonly kind: 'postgres' | 'pglite' | 'memory';
  readonly uow: UnitOfWork;
  /** Reachable and migrated. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}
