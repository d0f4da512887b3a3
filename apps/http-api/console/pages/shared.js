import { useCallback, useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';

/** Loads `load()` on mount and whenever `deps` change; `reload` runs it again. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: undefined, error: undefined });
  const reload = useCallback(() => {
    load().then(
      (data) => setState({ data, error: undefined }),
      (error) => setState({ data: undefined, error }),
    );
  }, deps);
  useEffect(reload, [reload]);
  return { ...state, reload };
}

export function Problem({ error }) {
  return error ? html`<p class="problem" role="alert">${error.message}</p>` : null;
}

export function Loading({ what }) {
  return html`<p class="loading" aria-live="polite">Loading ${what}…</p>`;
}

export const time = (ms) =>
  ms === null || ms === undefined ? '—' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

/** A button that runs `action`, shows it is busy, and reports a failure next to itself. */
export function ActionButton({ label, action, kind = '', ...rest }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(undefined);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return html`<span class="action"
    ><button type="button" class=${kind} disabled=${busy} onClick=${run} ...${rest}>${label}</button
    >${error && html`<span class="problem" role="alert">${error.message}</span>`}</span
  >`;
}

/** The app's sub-navigation. */
export function AppNav({ org, app }) {
  const base = `#/apps/${encodeURIComponent(org)}/${encodeURIComponent(app)}`;
  return html`<p class="crumbs"><a href="#/apps">Apps</a> › <a href=${base}>${org}/${app}</a> · <a href=${`${base}/rooms`}>Rooms</a> · <a href=${`${base}/webhooks`}>Webhooks</a></p>`;
}
