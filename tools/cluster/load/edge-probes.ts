import { httpRequest, rawRequest, type RawResponse } from './raw-http.js';

/** A request an edge must refuse, and the status it must refuse it with. */
export interface EdgeProbe {
  readonly name: string;
  readonly request: Buffer;
  readonly status: number;
}

const MiB = 1024 * 1024;
const json = { 'Content-Type': 'application/json' };

/**
 * Hostile requests a client can send to the public address. `appPath` is a real app's path
 * (`/org/app`): a body nginx lets through then reaches the instance, which must refuse it too.
 */
export function edgeProbes(appPath: string): EdgeProbe[] {
  return [
    // nginx's client_max_body_size is 2m: a body of exactly 2 MiB passes nginx, and the service's
    // own limit refuses it (on /token, which reads its body before any token is checked); a
    // bigger one is refused by nginx itself.
    {
      name: '2 MiB body',
      request: httpRequest('POST', `${appPath}/token`, json, Buffer.alloc(2 * MiB, 0x20)),
      status: 413,
    },
    {
      name: '3 MiB body',
      request: httpRequest('POST', `${appPath}/users`, json, Buffer.alloc(3 * MiB, 0x20)),
      status: 413,
    },
    { name: '%00 in the path', request: httpRequest('GET', `${appPath}/chatrooms/a%00b`), status: 400 },
    { name: 'malformed percent-encoding', request: httpRequest('GET', `${appPath}/chatrooms/a%zzb`), status: 400 },
    {
      name: '20 KB request URI',
      request: httpRequest('GET', `${appPath}/chatrooms/${'a'.repeat(20_000)}`),
      status: 414,
    },
    {
      name: '70 KB header',
      request: httpRequest('GET', `${appPath}/chatrooms`, { 'X-Padding': 'a'.repeat(70_000) }),
      status: 431,
    },
    { name: 'garbage request line', request: Buffer.from('GARBAGE\r\n\r\n'), status: 400 },
  ];
}

/**
 * Why `response` is not an Easemob error body with `status` (empty when it is): JSON media type,
 * exactly the five fields with their types, and Retry-After on a 503.
 */
export function easemobErrorProblems(response: RawResponse, status: number): string[] {
  const problems: string[] = [];
  if (response.status !== status) problems.push(`status ${response.status}, wanted ${status}`);
  if (!/^application\/json\b/.test(response.headers['content-type'] ?? ''))
    problems.push(`Content-Type ${response.headers['content-type']}`);
  if (status === 503 && !response.headers['retry-after']) problems.push('503 without Retry-After');
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(response.body) as Record<string, unknown>;
  } catch {
    return [...problems, `body is not JSON: ${JSON.stringify(response.body.slice(0, 80))}`];
  }
  const keys = Object.keys(body).sort().join(',');
  if (keys !== 'duration,error,error_description,exception,timestamp') problems.push(`fields ${keys}`);
  for (const field of ['error', 'error_description', 'exception'] as const) {
    if (typeof body[field] !== 'string' || body[field] === '')
      problems.push(`${field} is ${JSON.stringify(body[field])}`);
  }
  if (!Number.isInteger(body.timestamp) || Math.abs((body.timestamp as number) - Date.now()) > 60_000)
    problems.push(`timestamp ${body.timestamp}`);
  if (!Number.isInteger(body.duration) || (body.duration as number) < 0) problems.push(`duration ${body.duration}`);
  return problems;
}

/** Sends each probe to `port`; the problems of each answer, by probe name (none: all good). */
export async function probeEdge(port: number, probes: readonly EdgeProbe[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const probe of probes) {
    const problems = easemobErrorProblems(await rawRequest(port, probe.request), probe.status);
    if (problems.length > 0) found[probe.name] = problems;
  }
  return found;
}

/** A small seeded generator (mulberry32), so that a failing hostile request can be found again. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` hostile requests of the kinds a scanner sends, each one a whole request on its own
 * connection: broken percent-encodings and NULs in the path, URIs and headers over nginx's
 * buffers, bodies declared over its limit (the body itself is never sent), unknown transfer
 * codings, conflicting lengths, unsupported HTTP versions and plain garbage. Reproducible from
 * `seed`.
 */
export function hostileRequests(appPath: string, count: number, seed = 17): Buffer[] {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low));
  const pieces = ['%00', '%zz', '%', '%4', '%C0%AF', '%2e%2e', '%ff', 'a', '..', '%25', '%0d%0a', '%u0041'];
  const path = () => `${appPath}/chatrooms/${Array.from({ length: between(1, 8) }, () => pick(pieces)).join('')}`;
  const head = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  const kinds: (() => Buffer)[] = [
    () => head([`GET ${path()} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close']),
    () =>
      head([
        `GET ${appPath}/chatrooms/${'a'.repeat(between(9_000, 40_000))} HTTP/1.1`,
        'Host: 127.0.0.1',
        'Connection: close',
      ]),
    () =>
      head([
        `GET ${appPath}/chatrooms HTTP/1.1`,
        'Host: 127.0.0.1',
        'Connection: close',
        `X-${pick(['Pad', 'Cookie', 'Auth'])}: ${'a'.repeat(between(9_000, 70_000))}`,
      ]),
    () =>
      head([
        `POST ${appPath}/users HTTP/1.1`,
        'Host: 127.0.0.1',
        'Connection: close',
        'Content-Type: application/json',
        `Content-Length: ${between(2 * MiB + 1, 64 * MiB)}`,
      ]),
    () =>
      head([
        `POST ${appPath}/users HTTP/1.1`,
        'Host: 127.0.0.1',
        'Connection: close',
        `Transfer-Encoding: ${pick(['gzip', 'compress', 'identity', 'chunked, gzip'])}`,
      ]),
    () =>
      head([
        `POST ${appPath}/users HTTP/1.1`,
        'Host: 127.0.0.1',
        'Connection: close',
        `Content-Length: ${pick(['-1', 'abc', '1, 2', '99999999999999999999'])}`,
      ]),
    () =>
      head([
        `GET ${appPath}/chatrooms HTTP/${pick(['2.0', '3.0', '9.9', '1.x', '0.8'])}`,
        'Host: 127.0.0.1',
        'Connection: close',
      ]),
    () => head([`GET ${appPath}/chatrooms HTTP/1.1`, 'Connection: close']),
    () => head([`GET ${appPath}/chatrooms HTTP/1.1`, 'Host: 127.0.0.1', 'Host: example.com', 'Connection: close']),
    () =>
      Buffer.from(
        `${Array.from({ length: between(1, 40) }, () => String.fromCharCode(between(33, 127))).join('')}\r\n\r\n`,
        'latin1',
      ),
  ];
  return Array.from({ length: count }, () => pick(kinds)());
}

/**
 * Sends `requests` to `port`, 16 connections at a time; the answers by status, and every way an
 * answer other than a 2xx falls short of the Easemob error body (with how often).
 */
export async function sendHostile(
  port: number,
  requests: readonly Buffer[],
): Promise<{ byStatus: Record<string, number>; notEasemob: Record<string, number> }> {
  const byStatus: Record<string, number> = {};
  const notEasemob: Record<string, number> = {};
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const response = await rawRequest(port, requests[i]!).catch((error: Error) => ({
        status: 0,
        headers: {},
        body: error.message,
      }));
      byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
      if (response.status >= 200 && response.status < 300) continue;
      for (const problem of response.status === 0
        ? [`no answer: ${response.body}`]
        : easemobErrorProblems(response, response.status)) {
        const key = `${response.status} ${problem}`;
        notEasemob[key] = (notEasemob[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return { byStatus, notEasemob };
}
