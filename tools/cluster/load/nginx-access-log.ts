import { readFileSync } from 'node:fs';

/** What nginx did with one request: the instances it tried (`$upstream_addr`) and their statuses. */
export interface ProxiedRequest {
  readonly status: number;
  readonly upstreams: string[];
  readonly upstreamStatuses: string[];
}

/** Reads deploy/nginx/nginx.conf's `chat` log format, keyed by request id. */
export function readAccessLog(file: string): Map<string, ProxiedRequest> {
  const byId = new Map<string, ProxiedRequest>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /" (\d{3}) \d+ rid=(\S+) upstream=(.*?) ustatus=(.*?) rt=/.exec(line);
    if (!match) continue;
    byId.set(match[2]!, {
      status: Number(match[1]),
      upstreams: match[3]!.split(/,\s*|\s*:\s(?=\d)/).filter((u) => u && u !== '-'),
      upstreamStatuses: match[4]!.split(/,\s*|\s*:\s*/).filter((u) => u && u !== '-'),
    });
  }
  return byId;
}
