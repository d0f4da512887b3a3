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
    { name: '2 MiB body', request: httpRequest('POST', `${appPath}/token`, json, Buffer.alloc(2 * MiB, 0x20)), status: 413 },
    { name: '3 MiB body', request: httpRequest('POST', `${appPath}/users`, json, Buffer.alloc(3 * MiB, 0x20)), status: 413 },
    { name: '%00 in the path', request: httpRequest('GET', `${appPath}/chatrooms/a%00b`), status: 400 },
    { name: 'malformed percent-encoding', request: httpRequest('GET', `${appPath}/chatrooms/a%zzb`), status: 400 },
    { name: '20 KB request URI', request: httpRequest('GET', `${appPath}/chatrooms/${'a'.repeat(20_000)}`), status: 414 },
    { name: '70 KB header', request: httpRequest('GET', `${appPath}/chatrooms`, { 'X-Padding': 'a'.repeat(70_000) }), status: 431 },
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
  if (!/^application\/json\b/.test(response.headers['content-type'] ?? '')) problems.push(`Content-Type ${response.headers['content-type']}`);
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
    if (typeof body[field] !== 'string' || body[field] === '') problems.push(`${field} is ${JSON.stringify(body[field])}`);
  }
  if (!Number.isInteger(body.timestamp) || Math.abs((body.timestamp as number) - Date.now()) > 60_000) problems.push(`timestamp ${body.timestamp}`);
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
