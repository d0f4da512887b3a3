/** One request to a running service under `base` (`…/{org}/{app}`), with an Idempotency-Key when given. */
export async function apiCall(
  base: string,
  bearer: string,
  method: string,
  path: string,
  body?: unknown,
  key?: string,
) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(key !== undefined && { 'idempotency-key': key }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: r.status, replayed: r.headers.get('idempotent-replayed'), text: await r.text() };
}
