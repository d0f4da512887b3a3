import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { Problem } from './shared.js';

/** Polls the instance's figures every 2 s while shown. */
export function InstancePage() {
  const [figures, setFigures] = useState(undefined);
  const [error, setError] = useState(undefined);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const next = await api('GET', '/instance');
        if (!stopped) {
          setFigures(next);
          setError(undefined);
        }
      } catch (e) {
        if (!stopped) setError(e);
      }
    };
    poll();
    const timer = setInterval(poll, 2000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  return html`
    <h1 tabindex="-1">Instance</h1>
    <${Problem} error=${error} />
    ${
      figures &&
      html`<dl class="facts" aria-live="polite">
        <dt>Ready</dt><dd>${figures.ready ? 'yes' : 'NO'}</dd>
        <dt>Version</dt><dd>${figures.version}</dd>
        <dt>Store</dt><dd>${figures.store}</dd>
        <dt>Requests</dt><dd><span data-testid="rate">${figures.requests_per_second}</span>/s over ${figures.window_seconds} s</dd>
        <dt>p99 latency</dt><dd>${figures.p99_ms === null ? '—' : `≤ ${figures.p99_ms} ms`}</dd>
      </dl>
      <div class="scroll" tabindex="0" role="region" aria-label="Requests per app">
        <table>
          <thead><tr><th scope="col">App</th><th scope="col">Requests/s</th><th scope="col">429s/s</th><th scope="col">429s since start</th></tr></thead>
          <tbody>
            ${figures.apps.length === 0 && html`<tr><td colspan="4">No app requests yet.</td></tr>`}
            ${figures.apps.map(
              (a) =>
                html`<tr key=${a.app}><th scope="row">${a.app}</th><td>${a.requests_per_second}</td><td>${a.rate_limited_per_second}</td><td>${a.rate_limited_total}</td></tr>`,
            )}
          </tbody>
        </table>
      </div>`
    }
  `;
}
