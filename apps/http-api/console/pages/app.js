import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { api, appPath } from '../api.js';
import { AppNav, Loading, Problem, useLoad } from './shared.js';

/** Every per-app limit, as the operator API names it, with how the console asks for it. */
const LIMITS = [
  { field: 'rate_limit', label: 'Rate limit', hint: 'off, easemob, or requests per second' },
  { field: 'room_quota', label: 'Room quota', hint: 'most rooms the app may have', number: true },
  { field: 'maxusers_ceiling', label: 'Maxusers ceiling', hint: 'highest maxusers a room may have', number: true },
  { field: 'joined_room_cap', label: 'Joined-room cap', hint: 'most rooms one user may be in', number: true },
];

function LimitsForm({ org, app, current, onSaved }) {
  const [problem, setProblem] = useState(undefined);
  const [said, setSaid] = useState(undefined);
  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = {};
    for (const { field, number } of LIMITS) {
      const raw = String(form.get(field)).trim();
      if (raw !== String(current[field])) body[field] = number ? Number(raw) : raw;
    }
    const custom = form.get('custom_room_ids') === 'on';
    if (custom !== current.custom_room_ids) body.custom_room_ids = custom;
    if (Object.keys(body).length === 0) {
      setSaid('Nothing changed.');
      return;
    }
    try {
      await api('PUT', `${appPath(org, app)}/limits`, body);
      setProblem(undefined);
      setSaid('Saved: every instance applies the new limits within 5 s.');
      onSaved();
    } catch (e) {
      setSaid(undefined);
      setProblem(e);
    }
  };
  return html`<form onSubmit=${submit} class="stack limits" aria-labelledby="limits-edit">
    <h2 id="limits-edit">Change limits</h2>
    ${LIMITS.map(
      ({
        field,
        label,
        hint,
        number,
      }) => html`<label for=${`limit-${field}`}>${label} <span class="hint">(${hint})</span></label>
        <input id=${`limit-${field}`} name=${field} required defaultValue=${String(current[field])}
          ...${number ? { type: 'number', min: 1, max: 1000000000, step: 1 } : {}} />`,
    )}
    <label class="check"><input type="checkbox" name="custom_room_ids" defaultChecked=${current.custom_room_ids} /> Callers may choose room ids</label>
    <p><button type="submit">Save limits</button></p>
    <${Problem} error=${problem} />
    ${said && html`<p role="status">${said}</p>`}
  </form>`;
}

/** An app: its counts and every limit; an admin may change the limits. */
export function AppPage({ org, app, admin }) {
  const { data, error, reload } = useLoad(() => api('GET', appPath(org, app)), [org, app]);
  return html`
    <${AppNav} org=${org} app=${app} />
    <h1 tabindex="-1">${org}/${app}</h1>
    <${Problem} error=${error} />
    ${
      data === undefined && !error
        ? html`<${Loading} what="the app" />`
        : data &&
          html`<dl class="facts" aria-label="Limits and counts">
            <dt>Client id</dt><dd><code>${data.client_id}</code></dd>
            <dt>Rooms</dt><dd>${data.rooms}</dd>
            <dt>Users</dt><dd>${data.users}</dd>
            <dt>Token generation</dt><dd>${data.key_generation}</dd>
            ${LIMITS.map(({ field, label }) => html`<dt>${label}</dt><dd data-testid=${`limit-${field}`}>${data[field]}</dd>`)}
            <dt>Custom room ids</dt><dd data-testid="limit-custom_room_ids">${data.custom_room_ids ? 'allowed' : 'not allowed'}</dd>
          </dl>
          ${admin && html`<${LimitsForm} org=${org} app=${app} current=${data} onSaved=${reload} />`}`
    }
  `;
}
