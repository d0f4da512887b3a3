import { connect } from 'node:net';

export interface RawResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Sends `request` byte for byte (no client library normalises the path, the headers or the
 * body) and reads one response. Every probe asks `Connection: close`, or nginx closes after an
 * error, so the response ends when the socket does.
 */
export function rawRequest(port: number, request: Buffer | string, timeoutMs = 10_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no complete answer within ${timeoutMs} ms`)));
    // write, not end: nginx takes a half-closed connection for a client that went away.
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      // Complete once Content-Length bytes followed the head: a server that refused a declared
      // body answers at once but may keep the connection open a while to drain it.
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, split));
      if (split >= 0 && length && text.length - split - 4 >= Number(length[1])) {
        finish();
        socket.destroy();
      }
    });
    // A server may answer (413) and reset the connection before it has read the whole body.
    socket.on('error', (error) => (chunks.length > 0 ? finish() : reject(error)));
    socket.on('close', () => finish());
    let done = false;
    function finish() {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      if (split < 0) return reject(new Error(`no response head in ${JSON.stringify(text.slice(0, 200))}`));
      const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      let body = text.slice(split + 4);
      if (headers['content-length'] !== undefined) body = body.slice(0, Number(headers['content-length']));
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body });
    }
  });
}

/** A whole HTTP/1.1 request with `Connection: close`. */
export function httpRequest(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Buffer {
  const head = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`);
  if (body) head.push(`Content-Length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body ?? Buffer.alloc(0)]);
}
