import type { Delivery } from '@chatroom/domain';
import { connect } from 'nats';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { NATS_STREAM, NatsJetStreamPublisher, natsSubject } from './nats-jetstream-publisher.js';

// The real nats-server with JetStream that every machine of ours runs (.ci/run starts it).
const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

function delivery(org: string, target = NATS_URL): Delivery {
  return {
    attempts: 0,
    rule: { id: 'r', appId: 'a', kind: 'nats', target, secret: 'demo-secret-123', operations: null, created: 0 },
    event: {
      id: randomUUID(),
      seq: 1,
      timestamp: Date.now(),
      appId: 'a',
      org,
      app: 'live',
      roomId: '42',
      operation: 'JOIN',
      operator: '@ppAdmin',
      payload: { member: ['dave'], type: 'DIRECT' },
    },
  };
}

describe('NatsJetStreamPublisher (real nats-server)', () => {
  const publisher = new NatsJetStreamPublisher({ timeoutMs: 2000 });
  afterAll(() => publisher.close());

  it('stores the Easemob body on chatroom.<org>.<app>.<operation>, acknowledged by the stream, once per event id', async () => {
    const org = `o${randomUUID().slice(0, 8)}`;
    const d = delivery(org);
    expect(await publisher.publish(d)).toEqual({ ok: true });
    expect(await publisher.publish(d)).toEqual({ ok: true }); // a retry after a lost ack

    const nc = await connect({ servers: NATS_URL.replace('nats://', '') });
    try {
      const jsm = await nc.jetstreamManager();
      const subject = `chatroom.${org}.live.JOIN`;
      expect(natsSubject(d.event)).toBe(subject);
      const msg = await jsm.streams.getMessage(NATS_STREAM, { last_by_subj: subject });
      const body = JSON.parse(new TextDecoder().decode(msg.data)) as Record<string, unknown>;
      expect(body).toMatchObject({
        callId: `${org}#live_${d.event.id}`,
        operation: 'JOIN',
        payload: { member: ['dave'], type: 'DIRECT' },
      });
      expect(msg.header.get('Nats-Msg-Id')).toBe(d.event.id);
      // The second publish was dropped as a duplicate: one message on the subject.
      const info = await jsm.streams.info(NATS_STREAM, { subjects_filter: subject });
      expect(info.state.subjects?.[subject]).toBe(1);
    } finally {
      await nc.close();
    }
  });

  it('a server that does not answer is a failed attempt, not a throw', async () => {
    const outcome = await new NatsJetStreamPublisher({ timeoutMs: 500 }).publish(delivery('x', 'nats://127.0.0.1:9'));
    expect(outcome.ok).toBe(false);
  });

  it('subject tokens never carry ".", "*", ">" or spaces', () => {
    expect(natsSubject({ org: 'a.b', app: 'c*d >', operation: 'LEAVE' })).toBe('chatroom.a_b.c_d__.LEAVE');
  });
});
