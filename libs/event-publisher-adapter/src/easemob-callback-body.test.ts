import type { StoredRoomEvent } from '@chatroom/domain';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { easemobCallbackBody } from './easemob-callback-body.js';

const SECRET = 'demo-secret-123'; // the reference's test vector

function event(overrides: Partial<StoredRoomEvent>): StoredRoomEvent {
  return {
    id: '5e0a7c01-1c2d-4e5f-8a9b-0c1d2e3f4a51',
    seq: 1,
    timestamp: 1735689600123,
    appId: 'x',
    org: 'acme',
    app: 'live',
    roomId: '278394562199553',
    operation: 'CREATE',
    operator: '@ppAdmin',
    ...overrides,
  };
}

describe('the Easemob callback body', () => {
  it("E2 (destroy): the reference's body byte for byte, security included", () => {
    const body = easemobCallbackBody(
      event({ id: '5e0a7c02-1c2d-4e5f-8a9b-0c1d2e3f4a52', operation: 'DELETE', timestamp: 1735779600123 }),
      SECRET,
    );
    expect(JSON.stringify(body)).toBe(
      '{"callId":"acme#live_5e0a7c02-1c2d-4e5f-8a9b-0c1d2e3f4a52","security":"470fd2f987a4151af92df37eb43103c4",' +
        '"appkey":"acme#live","id":"278394562199553","type":"CHATROOM","event":"group_op_event","operation":"DELETE","operator":"@ppAdmin","timestamp":1735779600123}',
    );
  });

  it('E15 (owner transfer) and E25 (super admin, id ""): the reference\'s bodies', () => {
    expect(
      easemobCallbackBody(
        event({
          id: '5e0a7c0f-1c2d-4e5f-8a9b-0c1d2e3f4a5f',
          operation: 'UPDATE',
          payload: { owner: 'alice', new_owner: 'bob', type: 'OWNER' },
          timestamp: 1735690700123,
        }),
        SECRET,
      ),
    ).toEqual({
      callId: 'acme#live_5e0a7c0f-1c2d-4e5f-8a9b-0c1d2e3f4a5f',
      security: '9d22600f47a34ab8195c1dc974d87362',
      payload: { owner: 'alice', new_owner: 'bob', type: 'OWNER' },
      appkey: 'acme#live',
      id: '278394562199553',
      type: 'CHATROOM',
      event: 'group_op_event',
      operation: 'UPDATE',
      operator: '@ppAdmin',
      timestamp: 1735690700123,
    });
    const e25 = easemobCallbackBody(
      event({
        id: '5e0a7c19-1c2d-4e5f-8a9b-0c1d2e3f4a69',
        roomId: '',
        operation: 'ROOM_SUPER_ADMIN',
        payload: { admin: ['henry'], type: 'REMOVE' },
        timestamp: 1735691210123,
      }),
      SECRET,
    );
    expect(e25).toMatchObject({ id: '', security: '35c131d650211376772eebe95544b618' });
  });

  // The reference's bodies E7, E10, E11 and E12 byte for byte: `member_count` after `operator`
  // on JOIN and LEAVE, absent on LEAVE/DELETE (the event then has no count).
  it.each([
    [
      'E7 (join)',
      event({
        id: '5e0a7c07-1c2d-4e5f-8a9b-0c1d2e3f4a57',
        operation: 'JOIN',
        operator: 'erin',
        payload: { member: ['erin'], type: 'APPLY' },
        memberCount: 5,
        timestamp: 1735690410123,
      }),
      '{"callId":"acme#live_5e0a7c07-1c2d-4e5f-8a9b-0c1d2e3f4a57","security":"ca2c41ae166eb04e358537f878e9152a",' +
        '"payload":{"member":["erin"],"type":"APPLY"},' +
        '"appkey":"acme#live","id":"278394562199553","type":"CHATROOM","event":"group_op_event","operation":"JOIN","operator":"erin","member_count":5,"timestamp":1735690410123}',
    ],
    [
      'E10 (leave, kick)',
      event({
        id: '5e0a7c0a-1c2d-4e5f-8a9b-0c1d2e3f4a5a',
        operation: 'LEAVE',
        operator: 'alice',
        payload: { member: ['carol'], type: 'KICK' },
        memberCount: 2,
        timestamp: 1735690520123,
      }),
      '{"callId":"acme#live_5e0a7c0a-1c2d-4e5f-8a9b-0c1d2e3f4a5a","security":"1836ee477a70bbc8b7cbdcc49c4d03ac",' +
        '"payload":{"member":["carol"],"type":"KICK"},' +
        '"appkey":"acme#live","id":"278394562199553","type":"CHATROOM","event":"group_op_event","operation":"LEAVE","operator":"alice","member_count":2,"timestamp":1735690520123}',
    ],
    [
      'E11 (leave, blocked)',
      event({
        id: '5e0a7c0b-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
        operation: 'LEAVE',
        operator: 'alice',
        payload: { member: ['bob'], type: 'BLOCK' },
        memberCount: 1,
        timestamp: 1735690530124,
      }),
      '{"callId":"acme#live_5e0a7c0b-1c2d-4e5f-8a9b-0c1d2e3f4a5b","security":"0ed4b8f6c694f39035dd0fab373c90ef",' +
        '"payload":{"member":["bob"],"type":"BLOCK"},' +
        '"appkey":"acme#live","id":"278394562199553","type":"CHATROOM","event":"group_op_event","operation":"LEAVE","operator":"alice","member_count":1,"timestamp":1735690530124}',
    ],
    [
      'E12 (leave, room destroyed: no member_count)',
      event({
        id: '5e0a7c0c-1c2d-4e5f-8a9b-0c1d2e3f4a5c',
        operation: 'LEAVE',
        payload: { member: ['alice', 'frank', 'grace'], type: 'DELETE' },
        timestamp: 1735779600118,
      }),
      '{"callId":"acme#live_5e0a7c0c-1c2d-4e5f-8a9b-0c1d2e3f4a5c","security":"a7d5f6e073cfb0dca7ff8a95c9cc3c95",' +
        '"payload":{"member":["alice","frank","grace"],"type":"DELETE"},' +
        '"appkey":"acme#live","id":"278394562199553","type":"CHATROOM","event":"group_op_event","operation":"LEAVE","operator":"@ppAdmin","timestamp":1735779600118}',
    ],
  ])("%s: the reference's body byte for byte", (_name, e, expected) => {
    expect(JSON.stringify(easemobCallbackBody(e, SECRET))).toBe(expected);
  });

  it('E1: security = MD5(callId + secret + timestamp) as the reference computes it; info gets last_modified', () => {
    const body = easemobCallbackBody(
      event({ payload: { role: { alice: 'owner' }, member: [], info: { title: 'T' } } }),
      SECRET,
    );
    expect(body['security']).toBe('e79274d28992544b6066fb8c398f4cac');
    expect(body['security']).toBe(
      createHash('md5')
        .update('acme#live_5e0a7c01-1c2d-4e5f-8a9b-0c1d2e3f4a51demo-secret-1231735689600123')
        .digest('hex'),
    );
    expect(body['payload']).toEqual({
      role: { alice: 'owner' },
      member: [],
      info: { title: 'T', last_modified: '1735689600123' },
    });
  });
});
