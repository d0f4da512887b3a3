import type { App, AppRepository } from '@chatroom/domain';
import type { Kysely } from 'kysely';
import { deleteApp, toApp } from '../rows/app-rows.js';
import type { SharedDatabase } from '../schema/shared-tables.js';

/** The app repository's methods that both SQL stores write alike; each store adds its upserts and listing. */
export abstract class SqlAppRepositoryBase
  implements Pick<AppRepository, 'findByName' | 'findByNameForUpdate' | 'count' | 'delete'>
{
  constructor(protected readonly shared: Kysely<SharedDatabase>) {}

  async findByName(org: string, name: string): Promise<App | null> {
    const row = await this.byName(org, name).executeTakeFirst();
    return row ? toApp(row) : null;
  }

  async findByNameForUpdate(org: string, name: string): Promise<App | null> {
    const row = await this.byName(org, name).forUpdate().executeTakeFirst();
    return row ? toApp(row) : null;
  }

  private byName(org: string, name: string) {
    return this.shared.selectFrom('apps').selectAll().where('org', '=', org).where('name', '=', name);
  }

  async count(): Promise<number> {
    const { n } = await this.shared
      .selectFrom('apps')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  delete(appId: string): Promise<boolean> {
    return deleteApp(this.shared, appId);
  }
}
