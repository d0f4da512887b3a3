import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { api, appPath } from '../api.js';
import { AppNav, Loading, Problem, time, useLoad } from './shared.js';

export function RoomsPage({ org, app }) {
  const [search, setSearch] = useState({});
  const [cursors, setCursors] = useState([]);
  const query = new URLSearchParams({
    limit: '20',
    ...search,
    ...(cursors.length && { cursor: cursors[cursors.length - 1] }),
  });
  const { data, error } = useLoad(
    () => api('GET', `${appPath(org, app)}/rooms?${query}`),
    [org, app, query.toString()],
  );
  const submit = (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const next = {};
    for (const key of ['name', 'owner', 'id']) if (form.get(key)) next[key] = String(form.get(key));
    setCursors([]);
    setSearch(next);
  };
  const roomLink = (id) =>
    `#/apps/${encodeURIComponent(org)}/${encodeURIComponent(app)}/rooms/${encodeURIComponent(id)}`;
  return html`
    <${AppNav} org=${org} app=${app} />
    <h1 tabindex="-1">Rooms</h1>
    <form onSubmit=${submit} class="inline" role="search" aria-label="Find rooms">
      <label for="q-name">Name starts with</label><input id="q-name" name="name" />
      <label for="q-owner">Owner</label><input id="q-owner" name="owner" />
      <label for="q-id">Room id</label><input id="q-id" name="id" />
      <button type="submit">Search</button>
    </form>
    <${Problem} error=${error} />
    ${
      data === undefined && !error
        ? html`<${Loading} what="rooms" />`
        : data &&
          html`<div class="scroll" tabindex="0" role="region" aria-label="Rooms table">
            <table>
              <thead><tr><th scope="col">Name</th><th scope="col">Id</th><th scope="col">Owner</th><th scope="col">Members</th><th scope="col">Created</th></tr></thead>
              <tbody>
                ${data.rooms.length === 0 && html`<tr><td colspan="5">No rooms.</td></tr>`}
                ${data.rooms.map(
                  (r) => html`<tr key=${r.id}>
                    <th scope="row"><a href=${roomLink(r.id)}>${r.name}</a></th>
                    <td><code>${r.id}</code></td><td>${r.owner}</td><td>${r.member_count}/${r.max_users}</td><td>${time(r.created)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
          <p class="pager">
            ${cursors.length > 0 && html`<button type="button" class="quiet" onClick=${() => setCursors(cursors.slice(0, -1))}>Newer rooms</button>`}
            ${data.cursor && html`<button type="button" class="quiet" onClick=${() => setCursors([...cursors, data.cursor])}>Older rooms</button>`}
          </p>`
    }
  `;
}
