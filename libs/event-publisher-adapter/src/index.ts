export { easemobCallbackBody, easemobSecurity } from './easemob-callback-body.js';
export { chatroomSignature } from './webhook-signature.js';
export { WebhookPublisher, type WebhookPublisherOptions } from './webhook-publisher.js';
export { NatsJetStreamPublisher, natsSubject } from './nats-jetstream-publisher.js';
export { checkWebhookDestination, isNonPublicAddress } from './webhook-destination.js';
