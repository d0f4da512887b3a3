import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkWebhookDestination, isNonPublicAddress } from './webhook-destination.js';
import { sampleDelivery as delivery } from './test-support/sample-delivery.js';
import { WebhookPublisher } from './webhook-publisher.js';

describe('which addresses a webhook may not reach by default', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '0.0.0.0',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:7f00:1',
    '::ffff:a00:1',
    '::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '[::1]',
  ])('%s is refused', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', 'example.com'])(
    '%s is not',
    (address) => {
      expect(isNonPublicAddress(address)).toBe(false);
    },
  );
});

describe('checking a webhook URL when its rule is made', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://localhost:5432/',
    'http://127.0.0.1:8080/cb',
    'http://[::1]/cb',
    'http://[::ffff:127.0.0.1]/cb',
    'http://2130706433/cb',
    'http://0x7f.1/cb',
    'http://10.0.0.1/cb',
    'https://[fe80::1]/cb',
  ])('%s is refused, naming the opt-in', async (url) => {
    expect(await checkWebhookDestination(url)).toMatch(
      /is a loopback, private, link-local or multicast address; set WEBHOOK_ALLOW_PRIVATE=true to allow it$/,
    );
  });

  it('a public IP literal is accepted', async () => {
    expect(await checkWebhookDestination('https://93.184.216.34/cb')).toBeNull();
  });
});

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function loopbackReceiver(): Promise<{ port: number; received: string[] }> {
  const received: string[] = [];
  server = createServer((req, res) => {
    received.push(req.url ?? '');
    res.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server!.address() as AddressInfo).port, received };
}

describe('checking the address actually connected to, at delivery', () => {
  it('an IP literal on loopback is refused without a connection; the receiver sees nothing', async () => {
    const { port, received } = await loopbackReceiver();
    const publisher = new WebhookPublisher({ timeoutMs: 2000 });
    const outcome = await publisher.publish(delivery(`http://127.0.0.1:${port}/cb`));
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/^127\.0\.0\.1 is a loopback, private/) });
    expect(received).toEqual([]);
    await publisher.close();
  });

  it('a name that resolves to loopback at connect time (rule made when it did not, DNS rebinding) is refused by the lookup of the connection', async () => {
    const { port, received } = await loopbackReceiver();
    const publisher = new WebhookPublisher({ timeoutMs: 2000 });
    const outcome = await publisher.publish(delivery(`http://localhost:${port}/cb`));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatch(
      /localhost \((127\.0\.0\.1|::1)\) is a loopback, private, link-local or multicast address/,
    );
    expect(received).toEqual([]);
    await publisher.close();
  });

  it('with allowPrivate (WEBHOOK_ALLOW_PRIVATE=true) both are delivered', async () => {
    const { port, received } = await loopbackReceiver();
    const publisher = new WebhookPublisher({ timeoutMs: 2000, allowPrivate: true });
    expect(await publisher.publish(delivery(`http://127.0.0.1:${port}/a`))).toEqual({ ok: true });
    expect(await publisher.publish(delivery(`http://localhost:${port}/b`))).toEqual({ ok: true });
    expect(received).toEqual(['/a', '/b']);
    await publisher.close();
  });
});
