/**
 * Generated from the service's OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with `npm run generate:client`; a test fails while this file lags the document.
 */

export interface paths {
    "/{org}/{app}/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get an app token
         * @description `ttl` in seconds; absent → 7 days, `0` → the longest allowed. The answer is a bare object (no envelope).
         */
        post: operations["postToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register one user, or up to 60
         * @description One object, or an array of up to 60. Created users are in `entities`; per-user failures in `data` (still HTTP 200).
         */
        post: operations["postUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user */
        get: operations["getUsersByUsername"];
        put?: never;
        post?: never;
        /**
         * Delete a user
         * @description Dissolves the rooms the user owns and removes them from every other room, in one transaction.
         */
        delete: operations["deleteUsersByUsername"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List rooms, newest first
         * @description Keyset paging: pass the `cursor` of the previous page. `limit` is clamped to 1000.
         */
        get: operations["getChatrooms"];
        put?: never;
        /** Create a room */
        post: operations["postChatrooms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/users/{username}/joined_chatrooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the rooms a user is in, newest join first */
        get: operations["getUsersByUsernameJoinedChatrooms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{ids}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the details of up to 100 rooms
         * @description A comma list of ids (`,` or `%2C`); the answer keeps their order.
         */
        get: operations["getChatroomsByIds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Modify a room, or transfer it
         * @description Any of `name`, `description`, `maxusers` modifies; `newowner` alone transfers the room to that member.
         */
        put: operations["putChatroomsById"];
        post?: never;
        /** Dissolve a room */
        delete: operations["deleteChatroomsById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List members, owner first */
        get: operations["getChatroomsByIdUsers"];
        put?: never;
        /** Add up to 100 members (all or nothing) */
        post: operations["postChatroomsByIdUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add one member */
        post: operations["postChatroomsByIdUsersByUsername"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/users/{usernames}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove one member, or up to 60 (comma list)
         * @description A comma in the segment selects the batch form, which answers one result per user.
         */
        delete: operations["deleteChatroomsByIdUsersByUsernames"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/admin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List admins */
        get: operations["getChatroomsByIdAdmin"];
        put?: never;
        /** Promote a member to admin */
        post: operations["postChatroomsByIdAdmin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/admin/{oldadmin}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Demote an admin */
        delete: operations["deleteChatroomsByIdAdminByOldadmin"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/super_admin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List super admins */
        get: operations["getChatroomsSuperAdmin"];
        put?: never;
        /** Add a super admin */
        post: operations["postChatroomsSuperAdmin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/super_admin/{superAdmin}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a super admin
         * @description The key really is `newSuperAdmin`, as in the reference, though it names the removed user.
         */
        delete: operations["deleteChatroomsSuperAdminBySuperAdmin"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/mute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List muted members */
        get: operations["getChatroomsByIdMute"];
        put?: never;
        /**
         * Mute up to 100 members
         * @description `mute_duration` in milliseconds; `-1` mutes for ever, `0` lifts the mute.
         */
        post: operations["postChatroomsByIdMute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/mute/{members}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unmute up to 60 members (comma list) */
        delete: operations["deleteChatroomsByIdMuteByMembers"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/ban": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mute everyone (mute-all on) */
        post: operations["postChatroomsByIdBan"];
        /** Lift mute-all */
        delete: operations["deleteChatroomsByIdBan"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/blocks/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the blocklist */
        get: operations["getChatroomsByIdBlocksUsers"];
        put?: never;
        /** Put up to 60 members on the blocklist */
        post: operations["postChatroomsByIdBlocksUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/blocks/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put one member on the blocklist */
        post: operations["postChatroomsByIdBlocksUsersByUsername"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/blocks/users/{usernames}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take one user, or up to 60 (comma list), off the blocklist
         * @description One user answers one result; a comma in the segment answers one result per user.
         */
        delete: operations["deleteChatroomsByIdBlocksUsersByUsernames"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/white/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the allowlist */
        get: operations["getChatroomsByIdWhiteUsers"];
        put?: never;
        /** Put up to 60 members on the allowlist */
        post: operations["postChatroomsByIdWhiteUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/white/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put one member on the allowlist */
        post: operations["postChatroomsByIdWhiteUsersByUsername"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/white/users/{usernames}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take one user, or up to 60 (comma list), off the allowlist
         * @description Always answers one result per user, even for one.
         */
        delete: operations["deleteChatroomsByIdWhiteUsersByUsernames"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/announcement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the announcement */
        get: operations["getChatroomsByIdAnnouncement"];
        /**
         * Set the announcement (PUT, as an older reference table says)
         * @description At most 512 characters; an empty string clears it.
         */
        put: operations["putChatroomsByIdAnnouncement"];
        /**
         * Set the announcement
         * @description At most 512 characters; an empty string clears it.
         */
        post: operations["postChatroomsByIdAnnouncement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/metadata/chatroom/{id}/user/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set attributes as a member (only keys they own)
         * @description Per-key refusals are listed in `errorKeys` of an HTTP 200.
         */
        put: operations["putMetadataChatroomByIdUserByUsername"];
        post?: never;
        /**
         * Delete attributes as a member (only keys they own)
         * @description Per-key refusals are listed in `errorKeys` of an HTTP 200.
         */
        delete: operations["deleteMetadataChatroomByIdUserByUsername"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/metadata/chatroom/{id}/user/{username}/forced": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set attributes as a member, also keys other members own
         * @description Per-key refusals are listed in `errorKeys` of an HTTP 200.
         */
        put: operations["putMetadataChatroomByIdUserByUsernameForced"];
        post?: never;
        /**
         * Delete attributes as a member, also keys other members own
         * @description Per-key refusals are listed in `errorKeys` of an HTTP 200.
         */
        delete: operations["deleteMetadataChatroomByIdUserByUsernameForced"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/metadata/chatroom/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read attributes
         * @description No `keys` (or an empty list) reads every attribute.
         */
        post: operations["postMetadataChatroomById"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{org}/{app}/chatrooms/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A room's events, newest first
         * @description Keyset paging: pass the `cursor` of the previous page; `limit` 1–100 (default 10). `chatrooms/super_admin/events` lists the app-wide events (super admins). Kept `EVENT_RETENTION_DAYS`.
         */
        get: operations["getChatroomsByIdEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers and its migrations are done */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description The Prometheus text format. When METRICS_TOKEN is set, only `Authorization: Bearer <METRICS_TOKEN>` gets it (not an app token).
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reference page (Swagger UI) of this document */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An operator token for scripts
         * @description Failed attempts are throttled per name and per address as `/token` is. The token is refused by every app route.
         */
        post: operations["postAdminV1Token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in */
        get: operations["getAdminV1Session"];
        put?: never;
        /**
         * Sign in to the console (sets the session cookie)
         * @description Sets `chatroom_operator` (HttpOnly, SameSite=Strict, Secure over TLS). `Origin` must be the service itself.
         */
        post: operations["postAdminV1Session"];
        /** Sign out (clears the session cookie) */
        delete: operations["deleteAdminV1Session"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change my password (every other session ends) */
        put: operations["putAdminV1SessionPassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every app with its counts, token generation and rate limit */
        get: operations["getAdminV1Apps"];
        put?: never;
        /** Create an app; its client secret is shown in this answer only */
        post: operations["postAdminV1Apps"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps/{org}/{app}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One app with its counts, token generation and limits */
        get: operations["getAdminV1App"];
        put?: never;
        post?: never;
        /** Delete an app and everything of it */
        delete: operations["deleteAdminV1Apps"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps/{org}/{app}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the app's client secret (the new one is shown once; its tokens stop working) */
        post: operations["postAdminV1AppsSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps/{org}/{app}/revocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke every token of the app (its secret stays) */
        post: operations["postAdminV1AppsRevocations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps/{org}/{app}/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the app's limits: rate limit, room quota, maxusers ceiling, joined-room cap, custom room ids (the others keep their values) */
        put: operations["putAdminV1AppsLimits"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps/{org}/{app}/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's rooms, newest first, keyset-paged; search by id, name prefix or owner */
        get: operations["getAdminV1AppsRooms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps/{org}/{app}/rooms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A room: members and roles, mutes, blocklist, allowlist, announcement, attributes */
        get: operations["getAdminV1AppsRoomsById"];
        put?: never;
        post?: never;
        /** Dissolve the room (the same use case and events as the Easemob API) */
        delete: operations["deleteAdminV1AppsRoomsById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps/{org}/{app}/rooms/{id}/members/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (the same use case and events as the Easemob API) */
        delete: operations["deleteAdminV1AppsRoomsByIdMembersByUsername"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps/{org}/{app}/rooms/{id}/mutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mute members (the same use case and events as the Easemob API) */
        post: operations["postAdminV1AppsRoomsByIdMutes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps/{org}/{app}/rooms/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A room's audit trail, newest first */
        get: operations["getAdminV1AppsRoomsByIdEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps/{org}/{app}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's rules with their delivery health (pending and dead deliveries) */
        get: operations["getAdminV1AppsWebhooks"];
        put?: never;
        /** Add a rule; its signing secret is shown in this answer only */
        post: operations["postAdminV1AppsWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps/{org}/{app}/webhooks/{rule}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a rule and its queued deliveries */
        delete: operations["deleteAdminV1AppsWebhooksByRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps/{org}/{app}/webhooks/{rule}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a made-up event to the rule's endpoint now, and say what it answered */
        post: operations["postAdminV1AppsWebhooksByRuleTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps/{org}/{app}/webhooks/{rule}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rule's undelivered events: pending (next try) and dead (last error) */
        get: operations["getAdminV1AppsWebhooksByRuleDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/apps/{org}/{app}/webhooks/{rule}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the rule's dead deliveries again, from now */
        post: operations["postAdminV1AppsWebhooksByRuleReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/instance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This instance: readiness, version, request rate, p99 and 429s per app over the last ~30 s
         * @description From the Prometheus registry `/metrics` serves; the first call of a process spans no time (rates 0).
         */
        get: operations["getAdminV1Instance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The operator console (a web page; sign in as an operator) */
        get: operations["getConsole"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AppToken: {
            access_token: string;
            expires_in: number;
            application: string;
        };
        /** @description The Easemob error body. */
        ErrorBody: {
            error: string;
            error_description: string;
            /** @description Our own error class; never a stack trace. */
            exception: string;
            timestamp: number;
            duration: number;
        };
        UserEntity: {
            uuid: string;
            /** @enum {string} */
            type: "user";
            created: number;
            modified: number;
            /** @example alice */
            username: string;
            /** @enum {boolean} */
            activated: true;
            nickname?: string;
        };
        ChatroomSummary: {
            /** @example 100000000000001 */
            id: string;
            name: string;
            /** @example alice */
            owner: string;
            affiliations_count: number;
        };
        ChatroomDetails: {
            /** @example 100000000000001 */
            id: string;
            name: string;
            description: string;
            /** @enum {boolean} */
            membersonly: false;
            /** @enum {boolean} */
            allowinvites: false;
            maxusers: number;
            /** @example alice */
            owner: string;
            created: number;
            custom: string;
            /** @description The mute-all flag. */
            mute: boolean;
            affiliations_count: number;
            affiliations: components["schemas"]["Affiliation"][];
            /** @enum {boolean} */
            public: true;
        };
        Affiliation: {
            /** @example alice */
            owner: string;
        } | {
            /** @example alice */
            member: string;
        };
        AttributeKeysResult: {
            successKeys: string[];
            errorKeys: {
                [key: string]: string;
            };
        };
        RoomEventEntry: {
            id: string;
            /** @description The Easemob callback operation: CREATE, JOIN, LEAVE, UPDATE, … */
            operation: string;
            operator: string;
            timestamp: number;
            payload?: unknown;
            /** @description The room's member count after the change: on JOIN and LEAVE only, not on LEAVE/DELETE (as the callback). */
            member_count?: number;
        };
    };
    responses: {
        /** @description Bad request */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "invalid_parameter",
                 *       "error_description": "request body is not valid JSON",
                 *       "exception": "InvalidParameterError",
                 *       "timestamp": 1764374400000,
                 *       "duration": 0
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No, a bad or an expired app token */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "unauthorized",
                 *       "error_description": "Unable to authenticate (OAuth)",
                 *       "exception": "MissingTokenError",
                 *       "timestamp": 1764374400000,
                 *       "duration": 0
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Refused: over a limit, or not allowed */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "exceed_limit",
                 *       "error_description": "members size is greater than max user size !",
                 *       "exception": "MembersExceedMaxUsersError",
                 *       "timestamp": 1764374400000,
                 *       "duration": 0
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Unknown app, room or user */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "organization_application_not_found",
                 *       "error_description": "Could not find application for dev/app from URI: dev/app",
                 *       "exception": "AppNotFoundError",
                 *       "timestamp": 1764374400000,
                 *       "duration": 0
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description A request with the same Idempotency-Key is still running (see Retry-After) */
        IdempotencyKeyInProgress: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "idempotency_key_in_progress",
                 *       "error_description": "a request with this Idempotency-Key is still running",
                 *       "exception": "IdempotencyKeyInProgressException",
                 *       "timestamp": 1764374400000,
                 *       "duration": 0
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Body over the size limit */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "request_entity_too_large",
                 *       "error_description": "request body exceeds the limit of 1048576 bytes",
                 *       "exception": "RequestEntityTooLargeError",
                 *       "timestamp": 1764374400000,
                 *       "duration": 0
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description A body that is not JSON, declared as something else */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "unsupported_media_type",
                 *       "error_description": "request body must be JSON",
                 *       "exception": "UnsupportedMediaTypeError",
                 *       "timestamp": 1764374400000,
                 *       "duration": 0
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The Idempotency-Key was already used for a different request */
        IdempotencyKeyReused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "idempotency_key_reused",
                 *       "error_description": "Idempotency-Key was already used for a different request",
                 *       "exception": "IdempotencyKeyReusedException",
                 *       "timestamp": 1764374400000,
                 *       "duration": 0
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Over the app's request budget (see Retry-After and the RateLimit headers) */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "resource_limited",
                 *       "error_description": "Too many requests: this app may make 100 calls per second to reads; retry after 1 s",
                 *       "exception": "RateLimitedError",
                 *       "timestamp": 1764374400000,
                 *       "duration": 0
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Unexpected failure (logged with the request id) */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "internal_error",
                 *       "error_description": "Internal Server Error",
                 *       "exception": "InternalServerError",
                 *       "timestamp": 1764374400000,
                 *       "duration": 0
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The database is unavailable */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "service_unavailable",
                 *       "error_description": "Service unavailable",
                 *       "exception": "UnavailableError",
                 *       "timestamp": 1764374400000,
                 *       "duration": 0
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                app: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "grant_type": "client_credentials",
                 *       "client_id": "YXA6e5e842ae897b4f10afd901610ab15c6c",
                 *       "client_secret": "qCdk8hSTagguXjPm",
                 *       "ttl": 3600
                 *     }
                 */
                "application/json": {
                    grant_type?: string | null;
                    client_id?: string | null;
                    client_secret?: string | null;
                    ttl?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access_token": "eyJhbGciOiJIUzI1NiJ9.e30.sig",
                     *       "expires_in": 3600,
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402"
                     *     }
                     */
                    "application/json": components["schemas"]["AppToken"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_grant",
                     *       "error_description": "client_secret does not match",
                     *       "exception": "ClientSecretMismatchError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postUsers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "username": "alice",
                 *         "password": "pw1"
                 *       },
                 *       {
                 *         "username": "bob",
                 *         "password": "pw2",
                 *         "nickname": "Bob"
                 *       }
                 *     ]
                 */
                "application/json": {
                    username: string;
                    password?: string | null;
                    nickname?: string | null;
                } | {
                    username: string;
                    password?: string | null;
                    nickname?: string | null;
                }[];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "post",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "path": "/users",
                     *       "uri": "http://localhost:8080/dev/app/users",
                     *       "entities": [
                     *         {
                     *           "uuid": "4759aa70-eba5-11e8-925f-6fa0510823ba",
                     *           "type": "user",
                     *           "created": 1764374400000,
                     *           "modified": 1764374400000,
                     *           "username": "alice",
                     *           "activated": true
                     *         },
                     *         {
                     *           "uuid": "4759aa70-eba5-11e8-925f-6fa0510823ba",
                     *           "type": "user",
                     *           "created": 1764374400000,
                     *           "modified": 1764374400000,
                     *           "username": "bob",
                     *           "activated": true,
                     *           "nickname": "Bob"
                     *         }
                     *       ],
                     *       "data": [],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "post";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @enum {string} */
                        path: "/users";
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: components["schemas"]["UserEntity"][];
                        data: {
                            username: string;
                            registerUserFailReason: string;
                        }[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "duplicate_unique_property_exists",
                     *       "error_description": "Application app Entity user requires that property named username be unique, value of alice exists",
                     *       "exception": "UserAlreadyExistsError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUsersByUsername: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                app: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "get",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "path": "/users",
                     *       "uri": "http://localhost:8080/dev/app/users/alice",
                     *       "entities": [
                     *         {
                     *           "uuid": "4759aa70-eba5-11e8-925f-6fa0510823ba",
                     *           "type": "user",
                     *           "created": 1764374400000,
                     *           "modified": 1764374400000,
                     *           "username": "alice",
                     *           "activated": true
                     *         }
                     *       ],
                     *       "data": [],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {},
                     *       "count": 0,
                     *       "params": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "get";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @enum {string} */
                        path: "/users";
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: components["schemas"]["UserEntity"][];
                        data: unknown[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                        count: number;
                        params: {
                            [key: string]: string[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "service_resource_not_found",
                     *       "error_description": "Service resource not found",
                     *       "exception": "UserResourceNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteUsersByUsername: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "delete",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "path": "/users",
                     *       "uri": "http://localhost:8080/dev/app/users/alice",
                     *       "entities": [
                     *         {
                     *           "uuid": "4759aa70-eba5-11e8-925f-6fa0510823ba",
                     *           "type": "user",
                     *           "created": 1764374400000,
                     *           "modified": 1764374400000,
                     *           "username": "alice",
                     *           "activated": true
                     *         }
                     *       ],
                     *       "data": [],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "delete";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @enum {string} */
                        path: "/users";
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: components["schemas"]["UserEntity"][];
                        data: unknown[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "service_resource_not_found",
                     *       "error_description": "Service resource not found",
                     *       "exception": "UserResourceNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChatrooms: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path: {
                org: string;
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "get",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms",
                     *       "entities": [],
                     *       "data": [
                     *         {
                     *           "id": "100000000000001",
                     *           "name": "lobby",
                     *           "owner": "alice",
                     *           "affiliations_count": 2
                     *         }
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {},
                     *       "count": 1,
                     *       "params": {
                     *         "limit": [
                     *           "10"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "get";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: components["schemas"]["ChatroomSummary"][];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                        count: number;
                        params: {
                            [key: string]: string[];
                        };
                        /** @description Present only when another page exists. */
                        cursor?: string;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_parameter",
                     *       "error_description": "cursor is invalid",
                     *       "exception": "InvalidCursorError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postChatrooms: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "lobby",
                 *       "description": "say hi",
                 *       "maxusers": 100,
                 *       "owner": "alice",
                 *       "members": [
                 *         "bob",
                 *         "carol"
                 *       ]
                 *     }
                 */
                "application/json": {
                    name: string;
                    description: string;
                    owner: string;
                    maxusers?: number | null;
                    members?: string[] | null;
                    custom?: string | null;
                    roomid?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "post",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms",
                     *       "entities": [],
                     *       "data": {
                     *         "id": "100000000000001"
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "post";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            id: string;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "username carol doesn't exist!",
                     *       "exception": "UserNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUsersByUsernameJoinedChatrooms: {
        parameters: {
            query?: {
                pagenum?: string;
                pagesize?: string;
            };
            header?: never;
            path: {
                org: string;
                app: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "get",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/users/alice/joined_chatrooms",
                     *       "entities": [],
                     *       "data": [
                     *         {
                     *           "id": "100000000000001",
                     *           "name": "lobby",
                     *           "disabled": "false"
                     *         }
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {},
                     *       "count": 1,
                     *       "params": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "get";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            disabled: "false";
                        }[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                        count: number;
                        params: {
                            [key: string]: string[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "service_resource_not_found",
                     *       "error_description": "Service resource not found",
                     *       "exception": "UserResourceNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChatroomsByIds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                app: string;
                ids: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "get",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001,100000000000002",
                     *       "entities": [],
                     *       "data": [
                     *         {
                     *           "id": "100000000000001",
                     *           "name": "lobby",
                     *           "description": "say hi",
                     *           "membersonly": false,
                     *           "allowinvites": false,
                     *           "maxusers": 100,
                     *           "owner": "alice",
                     *           "created": 1764374400000,
                     *           "custom": "",
                     *           "mute": false,
                     *           "affiliations_count": 2,
                     *           "affiliations": [
                     *             {
                     *               "owner": "alice"
                     *             },
                     *             {
                     *               "member": "bob"
                     *             }
                     *           ],
                     *           "public": true
                     *         }
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {},
                     *       "count": 1,
                     *       "params": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "get";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: components["schemas"]["ChatroomDetails"][];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                        count: number;
                        params: {
                            [key: string]: string[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "service_resource_not_found",
                     *       "error_description": "do not find this group:100000000000002",
                     *       "exception": "ChatroomsNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    putChatroomsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "name": "main lobby",
                 *       "maxusers": 200
                 *     }
                 */
                "application/json": {
                    name?: string | null;
                    description?: string | null;
                    maxusers?: number | null;
                } | ({
                    newowner: string;
                } & {
                    [key: string]: unknown;
                });
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "put",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001",
                     *       "entities": [],
                     *       "data": {
                     *         "groupname": true,
                     *         "maxusers": true
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "put";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            groupname?: boolean;
                            description?: boolean;
                            maxusers?: boolean;
                        } | {
                            /** @enum {boolean} */
                            newowner: true;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteChatroomsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "delete",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001",
                     *       "entities": [],
                     *       "data": {
                     *         "success": true,
                     *         "id": "100000000000001"
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "delete";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            /** @enum {boolean} */
                            success: true;
                            id: string;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChatroomsByIdUsers: {
        parameters: {
            query?: {
                pagenum?: string;
                pagesize?: string;
            };
            header?: never;
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "get",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/users",
                     *       "entities": [],
                     *       "data": [
                     *         {
                     *           "owner": "alice"
                     *         },
                     *         {
                     *           "member": "bob"
                     *         }
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {},
                     *       "count": 2,
                     *       "params": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "get";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: components["schemas"]["Affiliation"][];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                        count: number;
                        params: {
                            [key: string]: string[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postChatroomsByIdUsers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "usernames": [
                 *         "alice",
                 *         "bob"
                 *       ]
                 *     }
                 */
                "application/json": {
                    usernames: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "post",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/users",
                     *       "entities": [],
                     *       "data": {
                     *         "newmembers": [
                     *           "alice",
                     *           "bob"
                     *         ],
                     *         "action": "add_member",
                     *         "id": "100000000000001"
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "post";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            newmembers: string[];
                            /** @enum {string} */
                            action: "add_member";
                            id: string;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "username alice doesn't exist!",
                     *       "exception": "UserNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postChatroomsByIdUsersByUsername: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "post",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/users/alice",
                     *       "entities": [],
                     *       "data": {
                     *         "result": true,
                     *         "action": "add_member",
                     *         "id": "100000000000001",
                     *         "user": "alice"
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "post";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            /** @enum {boolean} */
                            result: true;
                            /** @enum {string} */
                            action: "add_member";
                            id: string;
                            user: string;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description Refused: over a limit, or not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden_op",
                     *       "error_description": "user alice is in the blocklist of chatroom 100000000000001",
                     *       "exception": "UserBlockedError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "username alice doesn't exist!",
                     *       "exception": "UserNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteChatroomsByIdUsersByUsernames: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
                usernames: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "delete",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/users/alice,bob",
                     *       "entities": [],
                     *       "data": [
                     *         {
                     *           "result": true,
                     *           "action": "remove_member",
                     *           "user": "alice",
                     *           "id": "100000000000001"
                     *         },
                     *         {
                     *           "result": false,
                     *           "action": "remove_member",
                     *           "reason": "user: bob doesn't exist in group: 100000000000001",
                     *           "user": "bob",
                     *           "id": "100000000000001"
                     *         }
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "delete";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            /** @enum {boolean} */
                            result: true;
                            /** @enum {string} */
                            action: "remove_member";
                            user: string;
                            id: string;
                        } | {
                            result: boolean;
                            action: string;
                            reason?: string;
                            /** @example alice */
                            user: string;
                            /** @example 100000000000001 */
                            id: string;
                        }[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description Refused: over a limit, or not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden_op",
                     *       "error_description": "can not remove the owner of chatroom 100000000000001",
                     *       "exception": "RemoveOwnerError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChatroomsByIdAdmin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "get",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/admin",
                     *       "entities": [],
                     *       "data": [
                     *         "bob"
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {},
                     *       "count": 1,
                     *       "params": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "get";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: string[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                        count: number;
                        params: {
                            [key: string]: string[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postChatroomsByIdAdmin: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "newadmin": "bob"
                 *     }
                 */
                "application/json": {
                    newadmin: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "post",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/admin",
                     *       "entities": [],
                     *       "data": {
                     *         "result": "success",
                     *         "newadmin": "bob"
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "post";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            /** @enum {string} */
                            result: "success";
                            newadmin: string;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description Refused: over a limit, or not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "exceed_limit",
                     *       "error_description": "the number of admins of chatroom 100000000000001 has reached the limit of 99",
                     *       "exception": "AdminLimitReachedError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteChatroomsByIdAdminByOldadmin: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
                oldadmin: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "delete",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/admin/alice",
                     *       "entities": [],
                     *       "data": {
                     *         "result": "success",
                     *         "oldadmin": "alice"
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "delete";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            /** @enum {string} */
                            result: "success";
                            oldadmin: string;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden_op",
                     *       "error_description": "user alice is not an admin of chatroom 100000000000001",
                     *       "exception": "NotAdminError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChatroomsSuperAdmin: {
        parameters: {
            query?: {
                pagenum?: string;
                pagesize?: string;
            };
            header?: never;
            path: {
                org: string;
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "get",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/super_admin",
                     *       "entities": [],
                     *       "data": [
                     *         "alice"
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {},
                     *       "count": 1,
                     *       "params": {
                     *         "pagenum": [
                     *           "1"
                     *         ],
                     *         "pagesize": [
                     *           "10"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "get";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: string[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                        count: number;
                        params: {
                            [key: string]: string[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postChatroomsSuperAdmin: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "superadmin": "alice"
                 *     }
                 */
                "application/json": {
                    superadmin: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "post",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/super_admin",
                     *       "entities": [],
                     *       "data": {
                     *         "result": "success",
                     *         "resource": ""
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "post";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            /** @enum {string} */
                            result: "success";
                            /** @enum {string} */
                            resource: "";
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "username alice doesn't exist!",
                     *       "exception": "UserNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteChatroomsSuperAdminBySuperAdmin: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                superAdmin: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "delete",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/super_admin/alice",
                     *       "entities": [],
                     *       "data": {
                     *         "newSuperAdmin": "alice",
                     *         "resource": ""
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "delete";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            newSuperAdmin: string;
                            /** @enum {string} */
                            resource: "";
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "username alice doesn't exist!",
                     *       "exception": "UserNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChatroomsByIdMute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "get",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/mute",
                     *       "entities": [],
                     *       "data": [
                     *         {
                     *           "expire": 1764378000000,
                     *           "user": "bob"
                     *         }
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {},
                     *       "count": 1,
                     *       "params": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "get";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            expire: number;
                            user: string;
                        }[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                        count: number;
                        params: {
                            [key: string]: string[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postChatroomsByIdMute: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "usernames": [
                 *         "bob"
                 *       ],
                 *       "mute_duration": 60000
                 *     }
                 */
                "application/json": {
                    usernames: string[];
                    mute_duration: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "post",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/mute",
                     *       "entities": [],
                     *       "data": [
                     *         {
                     *           "result": true,
                     *           "expire": 1764374460000,
                     *           "user": "bob"
                     *         }
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "post";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            /** @enum {boolean} */
                            result: true;
                            expire: number;
                            user: string;
                        }[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden_op",
                     *       "error_description": "users [alice] are not members of this group!",
                     *       "exception": "NotMembersError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteChatroomsByIdMuteByMembers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
                members: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "delete",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/mute/alice,bob",
                     *       "entities": [],
                     *       "data": [
                     *         {
                     *           "result": true,
                     *           "user": "alice"
                     *         },
                     *         {
                     *           "result": true,
                     *           "user": "bob"
                     *         }
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "delete";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            /** @enum {boolean} */
                            result: true;
                            user: string;
                        }[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postChatroomsByIdBan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "post",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/ban",
                     *       "entities": [],
                     *       "data": {
                     *         "mute": true
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "post";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            mute: boolean;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteChatroomsByIdBan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "delete",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/ban",
                     *       "entities": [],
                     *       "data": {
                     *         "mute": false
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "delete";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            mute: boolean;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChatroomsByIdBlocksUsers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "get",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/blocks/users",
                     *       "entities": [],
                     *       "data": [
                     *         "bob"
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {},
                     *       "count": 1,
                     *       "params": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "get";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: string[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                        count: number;
                        params: {
                            [key: string]: string[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postChatroomsByIdBlocksUsers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "usernames": [
                 *         "alice",
                 *         "bob"
                 *       ]
                 *     }
                 */
                "application/json": {
                    usernames: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "post",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/blocks/users",
                     *       "entities": [],
                     *       "data": [
                     *         {
                     *           "result": true,
                     *           "action": "add_blocks",
                     *           "user": "alice",
                     *           "chatroomid": "100000000000001"
                     *         },
                     *         {
                     *           "result": true,
                     *           "action": "add_blocks",
                     *           "user": "bob",
                     *           "chatroomid": "100000000000001"
                     *         }
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "post";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            result: boolean;
                            action: string;
                            reason?: string;
                            /** @example alice */
                            user: string;
                            /** @example 100000000000001 */
                            chatroomid: string;
                        }[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postChatroomsByIdBlocksUsersByUsername: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "post",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/blocks/users/alice",
                     *       "entities": [],
                     *       "data": {
                     *         "result": true,
                     *         "action": "add_blocks",
                     *         "user": "alice",
                     *         "chatroomid": "100000000000001"
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "post";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            /** @enum {boolean} */
                            result: true;
                            /** @enum {string} */
                            action: "add_blocks";
                            user: string;
                            chatroomid: string;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden_op",
                     *       "error_description": "users [alice] are not members of this group!",
                     *       "exception": "NotMembersError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteChatroomsByIdBlocksUsersByUsernames: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
                usernames: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "delete",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/blocks/users/alice,bob",
                     *       "entities": [],
                     *       "data": [
                     *         {
                     *           "result": true,
                     *           "action": "remove_blocks",
                     *           "user": "alice",
                     *           "chatroomid": "100000000000001"
                     *         },
                     *         {
                     *           "result": true,
                     *           "action": "remove_blocks",
                     *           "user": "bob",
                     *           "chatroomid": "100000000000001"
                     *         }
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "delete";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            result: boolean;
                            action: string;
                            reason?: string;
                            /** @example alice */
                            user: string;
                            /** @example 100000000000001 */
                            chatroomid: string;
                        } | {
                            result: boolean;
                            action: string;
                            reason?: string;
                            /** @example alice */
                            user: string;
                            /** @example 100000000000001 */
                            chatroomid: string;
                        }[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChatroomsByIdWhiteUsers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "get",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/white/users",
                     *       "entities": [],
                     *       "data": [
                     *         "bob"
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {},
                     *       "count": 1,
                     *       "params": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "get";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: string[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                        count: number;
                        params: {
                            [key: string]: string[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postChatroomsByIdWhiteUsers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "usernames": [
                 *         "alice",
                 *         "bob"
                 *       ]
                 *     }
                 */
                "application/json": {
                    usernames: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "post",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/white/users",
                     *       "entities": [],
                     *       "data": [
                     *         {
                     *           "result": true,
                     *           "action": "add_user_whitelist",
                     *           "user": "alice",
                     *           "chatroomid": "100000000000001"
                     *         },
                     *         {
                     *           "result": true,
                     *           "action": "add_user_whitelist",
                     *           "user": "bob",
                     *           "chatroomid": "100000000000001"
                     *         }
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "post";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            result: boolean;
                            action: string;
                            reason?: string;
                            /** @example alice */
                            user: string;
                            /** @example 100000000000001 */
                            chatroomid: string;
                        }[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postChatroomsByIdWhiteUsersByUsername: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "post",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/white/users/alice",
                     *       "entities": [],
                     *       "data": {
                     *         "result": true,
                     *         "action": "add_user_whitelist",
                     *         "user": "alice",
                     *         "chatroomid": "100000000000001"
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "post";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            /** @enum {boolean} */
                            result: true;
                            /** @enum {string} */
                            action: "add_user_whitelist";
                            user: string;
                            chatroomid: string;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden_op",
                     *       "error_description": "users [alice] are not members of this group!",
                     *       "exception": "NotMembersError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteChatroomsByIdWhiteUsersByUsernames: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
                usernames: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "delete",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/white/users/alice,bob",
                     *       "entities": [],
                     *       "data": [
                     *         {
                     *           "result": true,
                     *           "action": "remove_user_whitelist",
                     *           "user": "alice",
                     *           "chatroomid": "100000000000001"
                     *         },
                     *         {
                     *           "result": true,
                     *           "action": "remove_user_whitelist",
                     *           "user": "bob",
                     *           "chatroomid": "100000000000001"
                     *         }
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "delete";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            result: boolean;
                            action: string;
                            reason?: string;
                            /** @example alice */
                            user: string;
                            /** @example 100000000000001 */
                            chatroomid: string;
                        }[];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChatroomsByIdAnnouncement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "get",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/announcement",
                     *       "entities": [],
                     *       "data": {
                     *         "announcement": "welcome"
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "get";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            announcement: string;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    putChatroomsByIdAnnouncement: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "announcement": "welcome"
                 *     }
                 */
                "application/json": {
                    announcement: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "put",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/announcement",
                     *       "entities": [],
                     *       "data": {
                     *         "id": "100000000000001",
                     *         "result": true
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "put";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            id: string;
                            /** @enum {boolean} */
                            result: true;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description Refused: over a limit, or not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden_op",
                     *       "error_description": "announce info length exceeds limit!",
                     *       "exception": "AnnouncementTooLongError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postChatroomsByIdAnnouncement: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "announcement": "welcome"
                 *     }
                 */
                "application/json": {
                    announcement: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "post",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/announcement",
                     *       "entities": [],
                     *       "data": {
                     *         "id": "100000000000001",
                     *         "result": true
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "post";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            id: string;
                            /** @enum {boolean} */
                            result: true;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description Refused: over a limit, or not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden_op",
                     *       "error_description": "announce info length exceeds limit!",
                     *       "exception": "AnnouncementTooLongError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    putMetadataChatroomByIdUserByUsername: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "metaData": {
                 *         "topic": "cats"
                 *       },
                 *       "autoDelete": "DELETE"
                 *     }
                 */
                "application/json": {
                    metaData: {
                        [key: string]: string;
                    };
                    /** @enum {string|null} */
                    autoDelete?: "DELETE" | "NO_DELETE" | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "put",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/metadata/chatroom/100000000000001/user/alice",
                     *       "entities": [],
                     *       "data": {
                     *         "successKeys": [
                     *           "topic"
                     *         ],
                     *         "errorKeys": {}
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "put";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: components["schemas"]["AttributeKeysResult"];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description No, a bad or an expired app token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "MetadataException",
                     *       "error_description": "user is not in chatroom",
                     *       "exception": "NotInChatroomError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteMetadataChatroomByIdUserByUsername: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "keys": [
                 *         "topic"
                 *       ]
                 *     }
                 */
                "application/json": {
                    keys: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "delete",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/metadata/chatroom/100000000000001/user/alice",
                     *       "entities": [],
                     *       "data": {
                     *         "successKeys": [
                     *           "topic"
                     *         ],
                     *         "errorKeys": {}
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {},
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "delete";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: components["schemas"]["AttributeKeysResult"];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description No, a bad or an expired app token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "MetadataException",
                     *       "error_description": "user is not in chatroom",
                     *       "exception": "NotInChatroomError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    putMetadataChatroomByIdUserByUsernameForced: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "metaData": {
                 *         "topic": "cats"
                 *       },
                 *       "autoDelete": "DELETE"
                 *     }
                 */
                "application/json": {
                    metaData: {
                        [key: string]: string;
                    };
                    /** @enum {string|null} */
                    autoDelete?: "DELETE" | "NO_DELETE" | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "put",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/metadata/chatroom/100000000000001/user/alice/forced",
                     *       "entities": [],
                     *       "data": {
                     *         "successKeys": [
                     *           "topic"
                     *         ],
                     *         "errorKeys": {}
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "put";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: components["schemas"]["AttributeKeysResult"];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description No, a bad or an expired app token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "MetadataException",
                     *       "error_description": "user is not in chatroom",
                     *       "exception": "NotInChatroomError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteMetadataChatroomByIdUserByUsernameForced: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "keys": [
                 *         "topic"
                 *       ]
                 *     }
                 */
                "application/json": {
                    keys: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "delete",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/metadata/chatroom/100000000000001/user/alice/forced",
                     *       "entities": [],
                     *       "data": {
                     *         "successKeys": [
                     *           "topic"
                     *         ],
                     *         "errorKeys": {}
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {},
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "delete";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: components["schemas"]["AttributeKeysResult"];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description No, a bad or an expired app token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "MetadataException",
                     *       "error_description": "user is not in chatroom",
                     *       "exception": "NotInChatroomError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postMetadataChatroomById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "keys": [
                 *         "topic"
                 *       ]
                 *     }
                 */
                "application/json": {
                    keys?: string[] | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "post",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/metadata/chatroom/100000000000001",
                     *       "entities": [],
                     *       "data": {
                     *         "topic": "cats"
                     *       },
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "post";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: {
                            [key: string]: string;
                        };
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "grpID 100000000000001 does not exist!",
                     *       "exception": "ChatroomNotFoundError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChatroomsByIdEvents: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "get",
                     *       "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "applicationName": "app",
                     *       "organization": "dev",
                     *       "uri": "http://localhost:8080/dev/app/chatrooms/100000000000001/events",
                     *       "entities": [],
                     *       "data": [
                     *         {
                     *           "id": "0b6f8f8e-3c1a-4a51-9a55-5f3c1c7b2f10",
                     *           "operation": "JOIN",
                     *           "operator": "@ppAdmin",
                     *           "timestamp": 1764374400000,
                     *           "payload": {
                     *             "type": "DIRECT",
                     *             "member": [
                     *               "bob"
                     *             ]
                     *           },
                     *           "member_count": 2
                     *         }
                     *       ],
                     *       "timestamp": 1764374400000,
                     *       "duration": 3,
                     *       "properties": {},
                     *       "count": 1,
                     *       "params": {
                     *         "limit": [
                     *           "10"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        action: "get";
                        /** @description The app's UUID. */
                        application: string;
                        applicationName: string;
                        organization: string;
                        /** @description The full URL of the request, without its query. */
                        uri: string;
                        entities: unknown[];
                        data: components["schemas"]["RoomEventEntry"][];
                        timestamp: number;
                        duration: number;
                        properties: Record<string, never>;
                        count: number;
                        params: {
                            [key: string]: string[];
                        };
                        /** @description Present only when another page exists. */
                        cursor?: string;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_parameter",
                     *       "error_description": "cursor is invalid",
                     *       "exception": "InvalidCursorError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ready"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                    };
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example # HELP http_requests_total … */
                    "text/plain": string;
                };
            };
            /** @description No, a bad or an expired app token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "error_description": "metrics need the metrics token",
                     *       "exception": "UnauthorizedException",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "openapi": "3.1.0",
                     *       "info": {
                     *         "title": "Chat-room service (Easemob-compatible)",
                     *         "version": "0.1.0"
                     *       },
                     *       "paths": {}
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        openapi: "3.1.0";
                        info: {
                            [key: string]: unknown;
                        };
                        paths: {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html>… */
                    "text/html": string;
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    postAdminV1Token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "ann",
                 *       "password": "correct horse battery staple"
                 *     }
                 */
                "application/json": {
                    /** @example ann */
                    username: string;
                    /** @example correct horse battery staple */
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access_token": "eyJhbGciOiJIUzI1NiJ9…",
                     *       "expires_in": 3600
                     *     }
                     */
                    "application/json": {
                        access_token: string;
                        expires_in: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description No, a bad or an expired app token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "error_description": "wrong operator name or password",
                     *       "exception": "OperatorUnauthorizedException",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Over the app's request budget (see Retry-After and the RateLimit headers) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "error_description": "too many failed token requests: try again in 42 seconds",
                     *       "exception": "TooManyRequestsError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAdminV1Session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "ann",
                     *       "role": "admin",
                     *       "must_change_password": false
                     *     }
                     */
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        role: "viewer" | "admin";
                        must_change_password: boolean;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postAdminV1Session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "ann",
                 *       "password": "correct horse battery staple"
                 *     }
                 */
                "application/json": {
                    /** @example ann */
                    username: string;
                    /** @example correct horse battery staple */
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "ann",
                     *       "role": "admin",
                     *       "must_change_password": false
                     *     }
                     */
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        role: "viewer" | "admin";
                        must_change_password: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description No, a bad or an expired app token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "error_description": "wrong operator name or password",
                     *       "exception": "OperatorUnauthorizedException",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Refused: over a limit, or not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "error_description": "a change from the console must come from its own origin",
                     *       "exception": "ForbiddenOperationException",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Over the app's request budget (see Retry-After and the RateLimit headers) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "error_description": "too many failed token requests: try again in 42 seconds",
                     *       "exception": "TooManyRequestsError",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteAdminV1Session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "signed_out": true
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        signed_out: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    putAdminV1SessionPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "a new long passphrase"
                 *     }
                 */
                "application/json": {
                    /** @example a new long passphrase */
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "ann",
                     *       "role": "admin",
                     *       "must_change_password": false
                     *     }
                     */
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        role: "viewer" | "admin";
                        must_change_password: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAdminV1Apps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "apps": [
                     *         {
                     *           "id": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *           "org": "dev",
                     *           "name": "app",
                     *           "client_id": "YXA6i-Ak8Ol4Eei2l11ZjV-EAg",
                     *           "key_generation": 0,
                     *           "rate_limit": "easemob",
                     *           "room_quota": 100000,
                     *           "maxusers_ceiling": 10000,
                     *           "joined_room_cap": 10000,
                     *           "custom_room_ids": true,
                     *           "rooms": 12,
                     *           "users": 40,
                     *           "created": 1764374400000
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        apps: {
                            id: string;
                            org: string;
                            name: string;
                            client_id: string;
                            key_generation: number;
                            rate_limit: string;
                            room_quota: number;
                            maxusers_ceiling: number;
                            joined_room_cap: number;
                            custom_room_ids: boolean;
                            rooms: number;
                            users: number;
                            created: number;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postAdminV1Apps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "org": "dev",
                 *       "name": "app"
                 *     }
                 */
                "application/json": {
                    /** @example dev */
                    org: string;
                    /** @example app */
                    name: string;
                    /**
                     * @description off, easemob or a whole number of requests per second from 1 to 1000000
                     * @example 200
                     */
                    rate_limit?: string;
                    /**
                     * @description Most rooms the app may have
                     * @example 1000
                     */
                    room_quota?: number;
                    /**
                     * @description Highest `maxusers` a room may have
                     * @example 5000
                     */
                    maxusers_ceiling?: number;
                    /**
                     * @description Most rooms one user may be in (owner included)
                     * @example 10000
                     */
                    joined_room_cap?: number;
                    /**
                     * @description Whether callers may choose a room id on create
                     * @example true
                     */
                    custom_room_ids?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "org": "dev",
                     *       "name": "app",
                     *       "client_id": "YXA6i-Ak8Ol4Eei2l11ZjV-EAg",
                     *       "client_secret": "YXA6Kj9…"
                     *     }
                     */
                    "application/json": {
                        org: string;
                        name: string;
                        client_id: string;
                        client_secret: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAdminV1App: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "org": "dev",
                     *       "name": "app",
                     *       "client_id": "YXA6i-Ak8Ol4Eei2l11ZjV-EAg",
                     *       "key_generation": 0,
                     *       "rate_limit": "easemob",
                     *       "room_quota": 100000,
                     *       "maxusers_ceiling": 10000,
                     *       "joined_room_cap": 10000,
                     *       "custom_room_ids": true,
                     *       "rooms": 12,
                     *       "users": 40,
                     *       "created": 1764374400000
                     *     }
                     */
                    "application/json": {
                        id: string;
                        org: string;
                        name: string;
                        client_id: string;
                        key_generation: number;
                        rate_limit: string;
                        room_quota: number;
                        maxusers_ceiling: number;
                        joined_room_cap: number;
                        custom_room_ids: boolean;
                        rooms: number;
                        users: number;
                        created: number;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteAdminV1Apps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deleted": "8be024f0-e978-11e8-b697-5d598d5f8402"
                     *     }
                     */
                    "application/json": {
                        deleted: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postAdminV1AppsSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "org": "dev",
                     *       "name": "app",
                     *       "client_id": "YXA6i-Ak8Ol4Eei2l11ZjV-EAg",
                     *       "client_secret": "YXA6Kj9…"
                     *     }
                     */
                    "application/json": {
                        org: string;
                        name: string;
                        client_id: string;
                        client_secret: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postAdminV1AppsRevocations: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "key_generation": 2
                     *     }
                     */
                    "application/json": {
                        key_generation: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    putAdminV1AppsLimits: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "rate_limit": "200",
                 *       "room_quota": 1000
                 *     }
                 */
                "application/json": {
                    /**
                     * @description off, easemob or a whole number of requests per second from 1 to 1000000
                     * @example 200
                     */
                    rate_limit?: string;
                    /**
                     * @description Most rooms the app may have
                     * @example 1000
                     */
                    room_quota?: number;
                    /**
                     * @description Highest `maxusers` a room may have
                     * @example 5000
                     */
                    maxusers_ceiling?: number;
                    /**
                     * @description Most rooms one user may be in (owner included)
                     * @example 10000
                     */
                    joined_room_cap?: number;
                    /**
                     * @description Whether callers may choose a room id on create
                     * @example true
                     */
                    custom_room_ids?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "8be024f0-e978-11e8-b697-5d598d5f8402",
                     *       "org": "dev",
                     *       "name": "app",
                     *       "client_id": "YXA6i-Ak8Ol4Eei2l11ZjV-EAg",
                     *       "key_generation": 0,
                     *       "rate_limit": "easemob",
                     *       "room_quota": 100000,
                     *       "maxusers_ceiling": 10000,
                     *       "joined_room_cap": 10000,
                     *       "custom_room_ids": true,
                     *       "rooms": 12,
                     *       "users": 40,
                     *       "created": 1764374400000
                     *     }
                     */
                    "application/json": {
                        id: string;
                        org: string;
                        name: string;
                        client_id: string;
                        key_generation: number;
                        rate_limit: string;
                        room_quota: number;
                        maxusers_ceiling: number;
                        joined_room_cap: number;
                        custom_room_ids: boolean;
                        rooms: number;
                        users: number;
                        created: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAdminV1AppsRooms: {
        parameters: {
            query?: {
                /** @description 1–1000, default 10 */
                limit?: number | null;
                /** @description From the previous page */
                cursor?: string;
                /** @description Exactly this room */
                id?: string;
                /** @description Rooms whose name starts with this */
                name?: string;
                /** @description Rooms this user owns */
                owner?: string;
            };
            header?: never;
            path: {
                org: string;
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "rooms": [
                     *         {
                     *           "id": "100000000000001",
                     *           "name": "lobby",
                     *           "description": "where everyone meets",
                     *           "owner": "alice",
                     *           "max_users": 200,
                     *           "member_count": 2,
                     *           "mute_all": false,
                     *           "custom": "",
                     *           "created": 1764374400000
                     *         }
                     *       ],
                     *       "cursor": "MTAw"
                     *     }
                     */
                    "application/json": {
                        rooms: {
                            id: string;
                            name: string;
                            description: string;
                            owner: string;
                            max_users: number;
                            member_count: number;
                            mute_all: boolean;
                            custom: string;
                            created: number;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAdminV1AppsRoomsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "room": {
                     *         "id": "100000000000001",
                     *         "name": "lobby",
                     *         "description": "where everyone meets",
                     *         "owner": "alice",
                     *         "max_users": 200,
                     *         "member_count": 2,
                     *         "mute_all": false,
                     *         "custom": "",
                     *         "created": 1764374400000
                     *       },
                     *       "members": [
                     *         {
                     *           "username": "alice",
                     *           "role": "owner"
                     *         },
                     *         {
                     *           "username": "bob",
                     *           "role": "member"
                     *         }
                     *       ],
                     *       "mutes": [
                     *         {
                     *           "username": "bob",
                     *           "expires_at": 1764374460000
                     *         }
                     *       ],
                     *       "blocklist": [],
                     *       "allowlist": [],
                     *       "announcement": "",
                     *       "attributes": {
                     *         "topic": "news"
                     *       }
                     *     }
                     */
                    "application/json": {
                        room: {
                            id: string;
                            name: string;
                            description: string;
                            owner: string;
                            max_users: number;
                            member_count: number;
                            mute_all: boolean;
                            custom: string;
                            created: number;
                        };
                        members: {
                            username: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "member";
                        }[];
                        mutes: {
                            username: string;
                            expires_at: number;
                        }[];
                        blocklist: string[];
                        allowlist: string[];
                        announcement: string;
                        attributes: {
                            [key: string]: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteAdminV1AppsRoomsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "dissolved": "100000000000001"
                     *     }
                     */
                    "application/json": {
                        dissolved: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteAdminV1AppsRoomsByIdMembersByUsername: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "removed": "bob"
                     *     }
                     */
                    "application/json": {
                        removed: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postAdminV1AppsRoomsByIdMutes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "usernames": [
                 *         "bob"
                 *       ],
                 *       "duration": 60000
                 *     }
                 */
                "application/json": {
                    /**
                     * @example [
                     *       "bob"
                     *     ]
                     */
                    usernames: string[];
                    /**
                     * @description Milliseconds; -1 mutes until unmuted
                     * @example 60000
                     */
                    duration: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "mutes": [
                     *         {
                     *           "username": "bob",
                     *           "expires_at": 1764374460000
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        mutes: {
                            username: string;
                            expires_at: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAdminV1AppsRoomsByIdEvents: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path: {
                org: string;
                app: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "events": [
                     *         {
                     *           "id": "e1b6…",
                     *           "operation": "CREATE",
                     *           "operator": "alice",
                     *           "timestamp": 1764374400000
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        events: components["schemas"]["RoomEventEntry"][];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAdminV1AppsWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "rules": [
                     *         {
                     *           "id": "3f0c2a4e-8b1d-4e8f-9c55-2f7d1e0a9b64",
                     *           "kind": "webhook",
                     *           "target": "https://hooks.example.com/chatroom",
                     *           "operations": null,
                     *           "created": 1764374400000,
                     *           "pending": 0,
                     *           "dead": 3
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        rules: {
                            id: string;
                            /** @enum {string} */
                            kind: "webhook" | "nats";
                            target: string;
                            operations: string[] | null;
                            created: number;
                            pending: number;
                            dead: number;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postAdminV1AppsWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                app: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.example.com/chatroom"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: uri
                     * @example https://hooks.example.com/chatroom
                     */
                    url: string;
                    events?: ("CREATE" | "DELETE" | "UPDATE" | "JOIN" | "LEAVE" | "ADMIN" | "MUTE" | "BLOCK" | "WHITE" | "ROOM_SUPER_ADMIN" | "METADATA")[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f0c2a4e-8b1d-4e8f-9c55-2f7d1e0a9b64",
                     *       "kind": "webhook",
                     *       "target": "https://hooks.example.com/chatroom",
                     *       "operations": null,
                     *       "created": 1764374400000,
                     *       "pending": 0,
                     *       "dead": 0,
                     *       "secret": "kq3…"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "webhook" | "nats";
                        target: string;
                        operations: string[] | null;
                        created: number;
                        pending: number;
                        dead: number;
                        secret: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteAdminV1AppsWebhooksByRule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                rule: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "removed": "3f0c2a4e-8b1d-4e8f-9c55-2f7d1e0a9b64"
                     *     }
                     */
                    "application/json": {
                        removed: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "rule 3f0c2a4e-8b1d-4e8f-9c55-2f7d1e0a9b64 does not exist",
                     *       "exception": "ResourceNotFoundException",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postAdminV1AppsWebhooksByRuleTest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                rule: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": false,
                     *       "error": "HTTP 500"
                     *     }
                     */
                    "application/json": {
                        ok: boolean;
                        error?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "rule 3f0c2a4e-8b1d-4e8f-9c55-2f7d1e0a9b64 does not exist",
                     *       "exception": "ResourceNotFoundException",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAdminV1AppsWebhooksByRuleDeliveries: {
        parameters: {
            query?: {
                /** @description Only these */
                state?: "pending" | "dead";
                /** @description 1–1000, default 100 */
                limit?: number;
            };
            header?: never;
            path: {
                org: string;
                app: string;
                rule: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deliveries": [
                     *         {
                     *           "event_id": "e1b6…",
                     *           "room_id": "100000000000001",
                     *           "operation": "CREATE",
                     *           "state": "dead",
                     *           "attempts": 31,
                     *           "next_at": null,
                     *           "last_error": "HTTP 500"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        deliveries: {
                            event_id: string;
                            room_id: string;
                            operation: string;
                            /** @enum {string} */
                            state: "pending" | "dead";
                            attempts: number;
                            next_at: number | null;
                            last_error: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "rule 3f0c2a4e-8b1d-4e8f-9c55-2f7d1e0a9b64 does not exist",
                     *       "exception": "ResourceNotFoundException",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    postAdminV1AppsWebhooksByRuleReplay: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h. */
                "Idempotency-Key"?: string;
            };
            path: {
                org: string;
                app: string;
                rule: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "revived": 3
                     *     }
                     */
                    "application/json": {
                        revived: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown app, room or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "resource_not_found",
                     *       "error_description": "rule 3f0c2a4e-8b1d-4e8f-9c55-2f7d1e0a9b64 does not exist",
                     *       "exception": "ResourceNotFoundException",
                     *       "timestamp": 1764374400000,
                     *       "duration": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["IdempotencyKeyInProgress"];
            422: components["responses"]["IdempotencyKeyReused"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAdminV1Instance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ready": true,
                     *       "version": "0.1.0",
                     *       "store": "postgres",
                     *       "uptime_seconds": 3600,
                     *       "window_seconds": 29.8,
                     *       "requests_per_second": 152.4,
                     *       "p99_ms": 25,
                     *       "apps": [
                     *         {
                     *           "app": "dev/app",
                     *           "requests_per_second": 150.1,
                     *           "rate_limited_per_second": 0.5,
                     *           "rate_limited_total": 42
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        ready: boolean;
                        version: string;
                        /** @enum {string} */
                        store: "postgres" | "pglite" | "mariadb" | "memory";
                        uptime_seconds: number;
                        window_seconds: number;
                        requests_per_second: number;
                        p99_ms: number | null;
                        apps: {
                            app: string;
                            requests_per_second: number;
                            rate_limited_per_second: number;
                            rate_limited_total: number;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getConsole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html>… */
                    "text/html": string;
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
}
