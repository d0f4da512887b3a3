import {
  buildUseCases,
  type AddMembers,
  type Dependencies,
  type RegisteredUseCases,
  type TokenPolicy,
} from '@chatroom/domain';

/**
 * Every use case the service runs: the domain's registry (USE_CASES), built once over the same
 * ports. Adding a use case to the registry adds it here, to the container and to whatever reads
 * `UseCases` (routes, admin CLI) with no list in the app to edit.
 */
export type UseCases = Omit<RegisteredUseCases, 'addMembers'> & {
  /** AddMembers, or its coalescing decorator (bound in composition/container.ts). */
  readonly addMembers: Pick<AddMembers, 'execute'>;
};

export function createUseCases(deps: Dependencies, tokenPolicy: TokenPolicy): UseCases {
  return buildUseCases(deps, { tokenPolicy });
}
