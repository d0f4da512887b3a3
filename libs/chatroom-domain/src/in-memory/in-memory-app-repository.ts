import type { App } from '../model/app.js';
import type { AppRepository } from '../ports/app-repository.js';
import type { InMemoryState } from './in-memory-state.js';

export class InMemoryAppRepository implements AppRepository {
  constructor(private readonly state: InMemoryState) {}

  async findByName(org: string, name: string): Promise<App | null> {
    return this.state.apps.get(`${org}#${name}`) ?? null;
  }

  async count(): Promise<number> {
    return this.state.apps.size;
  }

  async upsert(app: App): Promise<App> {
    const key = `${app.org}#${app.name}`;
    const existing = this.state.apps.get(key);
    const stored = existing
      ? { ...app, id: existing.id, tokenKey: existing.tokenKey, created: existing.created }
      : app;
    this.state.apps.set(key, stored);
    return stored;
  }
}
