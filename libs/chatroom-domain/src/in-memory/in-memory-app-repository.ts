import type { App } from '../model/app.js';
import type { AppRepository, AppUsage } from '../ports/app-repository.js';
import type { InMemoryState } from './in-memory-state.js';

export class InMemoryAppRepository implements AppRepository {
  constructor(private readonly state: InMemoryState) {}

  async findByName(org: string, name: string): Promise<App | null> {
    return this.state.apps.get(`${org}#${name}`) ?? null;
  }

  /** Units of work run one at a time here: every read is as good as locked. */
  findByNameForUpdate(org: string, name: string): Promise<App | null> {
    return this.findByName(org, name);
  }

  async count(): Promise<number> {
    return this.state.apps.size;
  }

  async list(): Promise<App[]> {
    return [...this.state.apps.values()].sort((a, b) => compare(a.org, b.org) || compare(a.name, b.name));
  }

  async usage(appId: string): Promise<AppUsage> {
    return { rooms: this.state.rooms.get(appId)?.size ?? 0, users: this.state.users.get(appId)?.size ?? 0 };
  }

  async upsert(app: App): Promise<App> {
    const key = `${app.org}#${app.name}`;
    const existing = this.state.apps.get(key);
    const stored = existing
      ? {
          ...app,
          id: existing.id,
          tokenKey: existing.tokenKey,
          keyGeneration: existing.keyGeneration,
          created: existing.created,
        }
      : app;
    this.state.apps.set(key, stored);
    return stored;
  }

  async insert(app: App): Promise<boolean> {
    const key = `${app.org}#${app.name}`;
    if (this.state.apps.has(key)) return false;
    this.state.apps.set(key, app);
    return true;
  }

  async update(app: App): Promise<boolean> {
    const existing = this.byId(app.id);
    if (!existing) return false;
    this.state.apps.set(`${existing.org}#${existing.name}`, {
      ...app,
      org: existing.org,
      name: existing.name,
      created: existing.created,
    });
    return true;
  }

  async delete(appId: string): Promise<boolean> {
    const existing = this.byId(appId);
    if (!existing) return false;
    this.state.apps.delete(`${existing.org}#${existing.name}`);
    this.state.forgetApp(appId);
    return true;
  }

  private byId(appId: string): App | undefined {
    return [...this.state.apps.values()].find((a) => a.id === appId);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
