import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  /** The port it listens on, on 127.0.0.1. */
  readonly port: number;
  /** Client connections piped to the target right now. */
  readonly live: number;
  /** Connections reset at once because the proxy was cut. */
  readonly refused: number;
  /** An outage: every live connection is dropped, and new ones are reset until `restore`. */
  cut(): void;
  /**
   * A network partition: connections stay open, old and new, but nothing goes through them
   * either way (nothing refused, nothing answered) until `restore`.
   */
  partition(): void;
  /**
   * The target is reachable again through the proxy for new connections. Connections that
   * lived through a partition stay silent, as after a firewall or NAT lost their state: only
   * a client that gives up on them gets through again.
   */
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1:0 to `host:port`, which a test can cut off and restore: the
 * network between a service and its database, with no need to stop the database itself.
 * While cut it keeps its port (so the service's configured URL stays valid) but resets
 * every connection it accepts, as a server that is down would refuse it.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  const held = new Set<Socket>();
  let cut = false;
  let partitioned = false;
  let refused = 0;

  const server = createServer((client) => {
    if (cut) {
      refused++;
      client.resetAndDestroy();
      return;
    }
    if (partitioned) {
      held.add(client.on('error', () => client.destroy()));
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    // Either side ending or failing ends both: the other peer sees the connection drop.
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) socket.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const dropAll = () => {
    for (const [client, upstream] of pairs) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
  };

  const dropHeld = () => {
    for (const socket of held) socket.destroy();
    held.clear();
  };

  return {
    port,
    get live() {
      return pairs.size;
    },
    get refused() {
      return refused;
    },
    cut() {
      cut = true;
      dropAll();
    },
    partition() {
      partitioned = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    restore() {
      cut = false;
      partitioned = false;
    },
    close() {
      cut = true;
      dropAll();
      dropHeld();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
