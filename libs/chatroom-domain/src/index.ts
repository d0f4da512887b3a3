// Errors
export * from './errors/domain-error.js';
export * from './errors/error-catalogue.js';
// Model
export * from './model/app.js';
export * from './model/chatroom.js';
export * from './model/paging.js';
export * from './model/text.js';
export * from './model/user.js';
export * from './model/user-id.js';
// Ports
export type * from './ports/app-repository.js';
export type * from './ports/chatroom-repository.js';
export type * from './ports/clock.js';
export type * from './ports/credential-hasher.js';
export type * from './ports/id-generator.js';
export type * from './ports/membership-repository.js';
export type * from './ports/random.js';
export type * from './ports/token-signer.js';
export type * from './ports/unit-of-work.js';
export type * from './ports/user-repository.js';
// Use cases
export type * from './use-cases/dependencies.js';
export * from './use-cases/authenticate-app/authenticate-app.js';
export * from './use-cases/create-chatroom/create-chatroom.js';
export * from './use-cases/create-development-app/create-development-app.js';
export * from './use-cases/delete-user/delete-user.js';
export * from './use-cases/dissolve-chatroom/dissolve-chatroom.js';
export * from './use-cases/ensure-app/ensure-app.js';
export * from './use-cases/find-app/find-app.js';
export * from './use-cases/get-chatroom-details/get-chatroom-details.js';
export * from './use-cases/get-user/get-user.js';
export * from './use-cases/issue-app-token/issue-app-token.js';
export * from './use-cases/list-chatrooms/list-chatrooms.js';
export * from './use-cases/list-joined-chatrooms/list-joined-chatrooms.js';
export * from './use-cases/modify-chatroom/modify-chatroom.js';
export * from './use-cases/register-users/register-users.js';
export * from './use-cases/transfer-chatroom/transfer-chatroom.js';
// In-memory adapters
export * from './in-memory/in-memory-app-repository.js';
export * from './in-memory/in-memory-chatroom-repository.js';
export * from './in-memory/in-memory-credential-hasher.js';
export * from './in-memory/in-memory-dependencies.js';
export * from './in-memory/in-memory-id-generator.js';
export * from './in-memory/in-memory-membership-repository.js';
export * from './in-memory/in-memory-state.js';
export * from './in-memory/in-memory-token-signer.js';
export * from './in-memory/in-memory-unit-of-work.js';
export * from './in-memory/manual-clock.js';
export * from './in-memory/sequential-random.js';
