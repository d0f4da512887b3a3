import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { api, appPath } from '../api.js';
import { ActionButton, AppNav, Loading, Problem, time, useLoad } from './shared.js';

function Deliveries({ base, rule, version }) {
  const { data, error } = useLoad(() => api('GET', `${base}/${rule.id}/deliveries?limit=50`), [base, rule.id, version]);
  if (error) return html`<${Problem} error=${error} />`;
  if (!data) return html`<${Loading} what="deliveries" />`;
  if (data.deliveries.length === 0) return html`<p>Nothing waiting: every event reached this endpoint.</p>`;
  return html`<div class="scroll" tabindex="0" role="region" aria-label=${`Deliveries to ${rule.target}`}>
    <table>
      <thead><tr><th scope="col">Event</th><th scope="col">Room</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Next try</th><th scope="col">Last error</th></tr></thead>
      <tbody>
        ${data.deliveries.map(
          (d) => html`<tr key=${d.event_id}>
            <th scope="row">${d.operation}</th><td><code>${d.room_id}</code></td>
            <td class=${`state-${d.state}`}>${d.state}</td><td>${d.attempts}</td><td>${time(d.next_at)}</td><td>${d.last_error ?? '—'}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function Rule({ base, rule, admin, onChanged }) {
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState(0);
  const [said, setSaid] = useState(undefined);
  const refresh = () => {
    setVersion(version + 1);
    onChanged();
  };
  return html`<li class="rule">
    <h3>${rule.target}</h3>
    <p class="health">
      <span class=${rule.dead > 0 ? 'badge bad' : 'badge'}>${rule.dead} dead</span>
      <span class="badge">${rule.pending} pending</span>
      <span>${rule.kind}, ${rule.operations ? rule.operations.join(', ') : 'every operation'}</span>
    </p>
    <p class="buttons">
      <button type="button" class="quiet" aria-expanded=${open} onClick=${() => setOpen(!open)}>${open ? 'Hide deliveries' : 'Show deliveries'}</button>
      ${
        admin &&
        html`<${ActionButton} label="Replay dead deliveries" action=${async () => {
          const { revived } = await api('POST', `${base}/${rule.id}/replay`);
          setSaid(`${revived} dead deliveries queued again.`);
          refresh();
        }} />
        <${ActionButton} kind="quiet" label="Send a test event" action=${async () => {
          const outcome = await api('POST', `${base}/${rule.id}/test`);
          setSaid(outcome.ok ? 'The endpoint accepted the test event.' : `The endpoint failed: ${outcome.error}`);
        }} />
        <${ActionButton} kind="danger" label="Remove rule" action=${async () => {
          await api('DELETE', `${base}/${rule.id}`);
          onChanged();
        }} />`
      }
    </p>
    ${said && html`<p role="status">${said}</p>`}
    ${open && html`<${Deliveries} base=${base} rule=${rule} version=${version} />`}
  </li>`;
}

export function WebhooksPage({ org, app, admin }) {
  const base = `${appPath(org, app)}/webhooks`;
  const { data, error, reload } = useLoad(() => api('GET', base), [base]);
  const [made, setMade] = useState(undefined);
  const [problem, setProblem] = useState(undefined);
  const add = async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      setMade(await api('POST', base, { url: String(form.get('url')) }));
      setProblem(undefined);
      event.target.reset();
      reload();
    } catch (e) {
      setProblem(e);
    }
  };
  return html`
    <${AppNav} org=${org} app=${app} />
    <h1 tabindex="-1">Webhooks</h1>
    ${
      admin &&
      html`<form onSubmit=${add} class="inline">
      <label for="rule-url">Callback URL</label><input id="rule-url" name="url" type="url" required />
      <button type="submit">Add rule</button>
    </form>
    <${Problem} error=${problem} />
    ${made && html`<p role="status" class="secret">Rule added. Its signing secret, shown once: <code>${made.secret}</code></p>`}`
    }
    <p><button type="button" class="quiet" onClick=${reload}>Refresh</button></p>
    <${Problem} error=${error} />
    ${
      data === undefined && !error
        ? html`<${Loading} what="rules" />`
        : data &&
          html`<ul class="rules">
          ${data.rules.length === 0 && html`<li>No rules: this app's events go nowhere.</li>`}
          ${data.rules.map((rule) => html`<${Rule} key=${rule.id} base=${base} rule=${rule} admin=${admin} onChanged=${reload} />`)}
        </ul>`
    }
  `;
}
