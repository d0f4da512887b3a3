import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../../in-memory/in-memory-dependencies.js';
import { EnsureApp } from '../ensure-app/ensure-app.js';
import { IssueAppToken } from '../issue-app-token/issue-app-token.js';
import { CreateDevelopmentApp } from './create-development-app.js';

describe('CreateDevelopmentApp', () => {
  it('creates dev/app with working credentials when the store holds no app', async () => {
    const deps = inMemoryDependencies();
    const created = await new CreateDevelopmentApp(deps).execute();
    expect(created?.app).toMatchObject({ org: 'dev', name: 'app' });
    const token = await new IssueAppToken(deps).execute(created!.app, {
      grantType: 'client_credentials',
      clientId: created!.app.clientId,
      clientSecret: created!.clientSecret,
    });
    expect(token.application).toBe(created!.app.id);
  });

  it('applies the given settings', async () => {
    const deps = inMemoryDependencies();
    const created = await new CreateDevelopmentApp(deps).execute({ roomQuota: 7 });
    expect(created?.app.settings.roomQuota).toBe(7);
  });

  it('does nothing when an app already exists', async () => {
    const deps = inMemoryDependencies();
    await new EnsureApp(deps).execute({ org: 'acme', name: 'chat', clientId: 'id', clientSecret: 'secret' });
    expect(await new CreateDevelopmentApp(deps).execute()).toBeNull();
    expect(await deps.uow.read((r) => r.apps.findByName('dev', 'app'))).toBeNull();
  });

  it('does nothing the second time', async () => {
    const deps = inMemoryDependencies();
    const useCase = new CreateDevelopmentApp(deps);
    await useCase.execute();
    expect(await useCase.execute()).toBeNull();
    expect(await deps.uow.read((r) => r.apps.count())).toBe(1);
  });
});
