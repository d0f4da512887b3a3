import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openApiDocument } from '../openapi/document.js';
import { transportErrors } from '../transport-errors.js';
import type { AppRouter } from '../route-kit/route-kit.js';
import { pageHeaders } from '../route-kit/page-headers.js';

/** The files of swagger-ui-dist the page loads; nothing else of the package is served. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const assetDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

// `validatorUrl: null`: Swagger UI would otherwise send the document to an outside validator.
// In a file of its own rather than inline, so that the page's CSP allows scripts from 'self' only.
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', validatorUrl: null, deepLinking: true });
`;

/**
 * Swagger UI needs inline styles (it sets `style` attributes) and data: images (its icons), and
 * the token typed into its "Authorize" is sent to this host only.
 */
const SECURITY_HEADERS = pageHeaders([
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'none'",
]);

// Without `<meta charset="utf-8">` the bundle fails to parse ("Invalid or unexpected token").
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chat-room service API</title>
<link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;

/** `GET /openapi.json` and the offline reference page `GET /docs`, served from swagger-ui-dist. */
export function docsRoutes(router: AppRouter): void {
  const document = JSON.stringify(openApiDocument());

  router.get('/openapi.json', (ctx) => {
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = document;
  });

  router.get('/docs', (ctx) => {
    ctx.set(SECURITY_HEADERS);
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = PAGE;
  });

  router.get('/docs/:file', async (ctx) => {
    ctx.set(SECURITY_HEADERS);
    if (ctx.params.file === 'init.js') {
      ctx.type = 'text/javascript; charset=utf-8';
      ctx.body = INIT_SCRIPT;
      return;
    }
    const type = Object.hasOwn(ASSETS, ctx.params.file!) ? ASSETS[ctx.params.file!] : undefined;
    if (type === undefined) throw transportErrors.notFound();
    ctx.type = type;
    ctx.set('cache-control', 'public, max-age=86400');
    ctx.body = await readFile(join(assetDir, ctx.params.file!));
  });
}
