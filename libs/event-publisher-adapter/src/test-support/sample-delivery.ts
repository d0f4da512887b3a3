import type { Delivery } from '@chatroom/domain';

/** One delivery of a sample event to a webhook rule at `url` (secret `demo-secret-123`). */
export function sampleDelivery(url: string): Delivery {
  return {
    attempts: 0,
    rule: {
      id: 'r',
      appId: 'a',
      kind: 'webhook',
      target: url,
      secret: 'demo-secret-123',
      operations: null,
      created: 0,
    },
    event: {
      id: '5e0a7c16-1c2d-4e5f-8a9b-0c1d2e3f4a66',
      seq: 7,
      timestamp: 1735691100123,
      appId: 'a',
      org: 'acme',
      app: 'live',
      roomId: '278394562199553',
      operation: 'WHITE',
      operator: '@ppAdmin',
      payload: { member: ['carol', 'dave'], type: 'ADD' },
    },
  };
}
