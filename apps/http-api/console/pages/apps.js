import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { Loading, Problem, useLoad } from './shared.js';

function CreateApp({ onCreated }) {
  const [made, setMade] = useState(undefined);
  const [error, setError] = useState(undefined);
  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      setMade(await api('POST', '/apps', { org: form.get('org'), name: form.get('name') }));
      setError(undefined);
      event.target.reset();
      onCreated();
    } catch (e) {
      setError(e);
    }
  };
  return html`<section aria-labelledby="create-app">
    <h2 id="create-app">Create an app</h2>
    <form onSubmit=${submit} class="inline">
      <label for="new-org">Org</label><input id="new-org" name="org" required />
      <label for="new-name">App</label><input id="new-name" name="name" required />
      <button type="submit">Create app</button>
    </form>
    <${Problem} error=${error} />
    ${
      made &&
      html`<div class="secret" role="status">
      <p><strong>${made.org}/${made.name}</strong> created. Copy its secret now: it is not shown again.</p>
      <dl>
        <dt>Client id</dt><dd><code data-testid="client-id">${made.client_id}</code></dd>
        <dt>Client secret</dt><dd><code data-testid="client-secret">${made.client_secret}</code></dd>
      </dl>
      <button type="button" class="quiet" onClick=${() => setMade(undefined)}>I have copied it</button>
    </div>`
    }
  </section>`;
}

export function AppsPage({ admin }) {
  const { data, error, reload } = useLoad(() => api('GET', '/apps'), []);
  return html`
    <h1 tabindex="-1">Apps</h1>
    ${admin && html`<${CreateApp} onCreated=${reload} />`}
    <${Problem} error=${error} />
    ${
      data === undefined && !error
        ? html`<${Loading} what="apps" />`
        : data &&
          html`<div class="scroll" tabindex="0" role="region" aria-label="Apps table">
          <table>
            <thead><tr><th scope="col">App</th><th scope="col">Rooms</th><th scope="col">Users</th><th scope="col">Token generation</th><th scope="col">Rate limit</th><th scope="col">Open</th></tr></thead>
            <tbody>
              ${data.apps.map(
                (a) => html`<tr key=${a.id}>
                  <th scope="row"><a href=${`#/apps/${encodeURIComponent(a.org)}/${encodeURIComponent(a.name)}`}>${a.org}/${a.name}</a></th>
                  <td>${a.rooms}</td><td>${a.users}</td><td>${a.key_generation}</td><td>${a.rate_limit}</td>
                  <td><a href=${`#/apps/${encodeURIComponent(a.org)}/${encodeURIComponent(a.name)}/rooms`}>Rooms<span class="sr"> of ${a.org}/${a.name}</span></a>
                    ${' · '}<a href=${`#/apps/${encodeURIComponent(a.org)}/${encodeURIComponent(a.name)}/webhooks`}>Webhooks<span class="sr"> of ${a.org}/${a.name}</span></a></td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`
    }
  `;
}
