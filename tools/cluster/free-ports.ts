import { createServer, type Server } from 'node:net';

/** Ports other services on our machines own: never hand them out, even if free right now. */
const RESERVED = new Set([80, 443, 2379, 2380, 3306, 4222, 5432, 8008, 8080]);

function listen(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** `count` distinct free loopback ports, chosen by the kernel (held together, so no duplicates). */
export async function freePorts(count: number): Promise<number[]> {
  const held: Server[] = [];
  const ports: number[] = [];
  try {
    while (ports.length < count) {
      const server = await listen();
      held.push(server);
      const { port } = server.address() as { port: number };
      if (!RESERVED.has(port)) ports.push(port);
    }
  } finally {
    await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
  }
  return ports;
}
