import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import type { User } from '../../model/user.js';
import { parseUserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';

export class GetUser {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, rawUsername: string): Promise<User> {
    const username = parseUserId(rawUsername);
    const user = await this.deps.uow.read((r) => r.users.findByUsername(app.id, username));
    if (!user) throw errors.userResourceNotFound();
    return user;
  }
}
