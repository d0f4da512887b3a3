import type { Refusal } from '../../ports/room-commands.js';

/** Carries a refusal out of a unit of work, so that the unit rolls back whatever it had done. */
export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.refused);
  }
}

export function refuse(refusal: Refusal): never {
  throw new Refused(refusal);
}
