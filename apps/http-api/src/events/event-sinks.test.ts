import { describe, expect, it } from 'vitest';
import { createPublishers, EVENT_SINK_KINDS, sinkOfUrl } from './event-sinks.js';

describe('event sinks', () => {
  it.each([
    ['https://hooks.example/cb', 'webhook'],
    ['http://hooks.example/cb', 'webhook'],
    ['nats://127.0.0.1:4222', 'nats'],
    ['ftp://x.test/', undefined],
    ['no scheme', undefined],
  ])('%s goes to %s', (url, kind) => {
    expect(sinkOfUrl(url)).toBe(kind);
  });

  it('makes one publisher per sink, each closable', async () => {
    const publishers = createPublishers({ timeoutMs: 1_000, allowPrivate: false });
    expect(Object.keys(publishers).sort()).toEqual([...EVENT_SINK_KINDS].sort());
    await Promise.all(Object.values(publishers).map((publisher) => publisher.close()));
  });
});
