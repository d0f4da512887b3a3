import type { RoomEvent } from '../../model/room-event.js';
import type { UserId } from '../../model/user-id.js';
import type { Outcome, Refusal } from '../../ports/room-commands.js';
import type { Repositories, UnitOfWork } from '../../ports/unit-of-work.js';

/** Carries a refusal out of a unit of work, so that the unit rolls back whatever it had done. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.refused);
  }
}

/** Commands run as units of work over the repositories: each one unit, a refusal rolls it back. */
export abstract class CommandUnits {
  constructor(private readonly uow: Pick<UnitOfWork, 'write'>) {}

  protected async unit<T>(work: (r: Repositories) => Promise<T>): Promise<Outcome<T>> {
    try {
      return (await this.uow.write(work)) as Outcome<T>;
    } catch (error) {
      if (error instanceof Refused) return error.refusal;
      throw error;
    }
  }
}

export function refuse(refusal: Refusal): never {
  throw new Refused(refusal);
}

export async function requireUsers(r: Repositories, appId: string, usernames: readonly UserId[]): Promise<void> {
  const existing = new Set(await r.users.findExisting(appId, usernames));
  const missing = usernames.find((u) => !existing.has(u));
  if (missing !== undefined) refuse({ refused: 'user-missing', username: missing });
}

/** The event with the parts only the store knows set. */
export function filled(event: RoomEvent, payload: Record<string, unknown>, memberCount?: number): RoomEvent {
  return {
    ...event,
    payload: { ...event.payload, ...payload },
    ...(memberCount !== undefined && { memberCount }),
  };
}
