import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import { codePointLength } from '../../model/text.js';
import { NICKNAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, REGISTER_BATCH_MAX, type User } from '../../model/user.js';
import { parseUserId, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';

export interface RegisterUserInput {
  readonly username: string;
  readonly password?: string;
  readonly nickname?: string;
}

export interface RegistrationFailure {
  readonly username: UserId;
  readonly reason: string;
}

export interface RegisterUsersResult {
  readonly created: User[];
  readonly failed: RegistrationFailure[];
}

/**
 * Registers one user or a batch (≤ 60). Invalid input fails the whole request. A name that
 * is already taken fails the request when it is the only one; in a batch it becomes a
 * per-user failure and the others are created (the reference's partial success).
 */
export class RegisterUsers {
  constructor(private readonly deps: Pick<Dependencies, 'uow' | 'hasher' | 'random' | 'clock'>) {}

  async execute(app: App, inputs: readonly RegisterUserInput[]): Promise<RegisterUsersResult> {
    if (inputs.length === 0) throw errors.invalidParameter('request body must contain at least one user');
    if (inputs.length > REGISTER_BATCH_MAX) {
      throw errors.illegalArgument(
        `Request body array size[${inputs.length}] had almost reached or been greater than the upper range value[${REGISTER_BATCH_MAX}]`,
      );
    }
    const seen = new Set<UserId>();
    const failed: RegistrationFailure[] = [];
    const wanted: { username: UserId; password: string; nickname: string | null }[] = [];
    for (const input of inputs) {
      const username = parseUserId(input.username);
      if (!input.password) throw errors.passwordMissing();
      if (codePointLength(input.password) > PASSWORD_MAX_LENGTH) {
        throw errors.invalidParameter(`password must not exceed ${PASSWORD_MAX_LENGTH} characters`);
      }
      if (input.nickname !== undefined && codePointLength(input.nickname) > NICKNAME_MAX_LENGTH) {
        throw errors.nicknameTooLong();
      }
      if (seen.has(username)) {
        failed.push({ username, reason: `the ${username} already exists` });
        continue;
      }
      seen.add(username);
      wanted.push({ username, password: input.password, nickname: input.nickname ?? null });
    }
    const now = this.deps.clock.now();
    const users: User[] = await Promise.all(
      wanted.map(async (w) => ({
        appId: app.id,
        username: w.username,
        uuid: this.deps.random.uuid(),
        passwordHash: await this.deps.hasher.hash(w.password),
        nickname: w.nickname,
        created: now,
        modified: now,
      })),
    );
    const inserted = new Set(await this.deps.uow.write((r) => r.users.insertMany(users)));
    const created = users.filter((u) => inserted.has(u.username));
    for (const u of users) {
      if (!inserted.has(u.username)) failed.push({ username: u.username, reason: `the ${u.username} already exists` });
    }
    if (inputs.length === 1 && created.length === 0) {
      throw errors.userAlreadyExists(app.name, users[0]!.username);
    }
    return { created, failed };
  }
}
