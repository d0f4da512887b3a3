import { createHmac } from 'node:crypto';

/**
 * Our stronger signature: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + body)>`
 * (Stripe's scheme: the time inside the MAC lets receivers refuse old replays).
 */
export function chatroomSignature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
