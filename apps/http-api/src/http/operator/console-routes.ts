import * as z from 'zod';
import type { Operation } from '../openapi/operation.js';
import type { AppRouter } from '../route-kit/route-kit.js';
import type { AppContext } from '../state.js';
import { transportErrors } from '../transport-errors.js';
import { consoleAssets } from './console-assets.js';
import type { OperatorKit } from './operator-kit.js';
import { pageHeaders } from '../route-kit/page-headers.js';

/** The page loads nothing but its own script and style, and talks to this host only. */
const SECURITY_HEADERS = {
  ...pageHeaders([
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
  ]),
  'cache-control': 'no-cache',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chat-room console</title>
<link rel="stylesheet" href="/console/app.css">
<script type="module" src="/console/app.js"></script>
</head>
<body>
<div id="root"><p class="loading">Loading the console…</p></div>
<noscript>The console needs JavaScript; the operator API (/admin/v1, described at /docs) works without it.</noscript>
</body>
</html>
`;

export const consoleOperations: readonly Operation[] = [
  {
    method: 'get',
    path: '/console',
    tag: 'operations',
    summary: 'The operator console (a web page; sign in as an operator)',
    public: true,
    response: { schema: z.string(), example: '<!doctype html>…', mediaType: 'text/html' },
    errors: [500],
  },
];

async function sendAsset(ctx: AppContext, name: string): Promise<void> {
  const asset = (await consoleAssets()).get(name);
  if (!asset) throw transportErrors.notFound();
  ctx.set(SECURITY_HEADERS);
  ctx.vary('Accept-Encoding');
  ctx.type = asset.type;
  if (ctx.acceptsEncodings('gzip', 'identity') === 'gzip') {
    ctx.set('content-encoding', 'gzip');
    ctx.body = asset.gzip;
  } else ctx.body = asset.body;
}

export function consoleRoutes(router: AppRouter, _kit: OperatorKit): void {
  router.get('/console', (ctx) => {
    ctx.set(SECURITY_HEADERS);
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = PAGE;
  });
  router.get('/console/:file', (ctx) => sendAsset(ctx, ctx.params.file!));
}
