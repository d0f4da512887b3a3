/**
 * The headers every page the service serves to a browser (the API docs, the console) and its
 * files carry: nothing loads from any other host unless the page's own directives allow it, no
 * page may be framed (clickjacking on a button that changes something), the browser does not
 * guess content types, and no URL leaves in a Referer.
 */
export function pageHeaders(directives: readonly string[]): Record<string, string> {
  return {
    'content-security-policy': ["default-src 'none'", ...directives, "base-uri 'none'", "frame-ancestors 'none'"].join(
      '; ',
    ),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}
