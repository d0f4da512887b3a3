import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { api, appPath } from '../api.js';
import { ActionButton, AppNav, Loading, Problem, time, useLoad } from './shared.js';

function Timeline({ base }) {
  const { data, error } = useLoad(() => api('GET', `${base}/events?limit=50`), [base]);
  return html`<section aria-labelledby="timeline">
    <h2 id="timeline">Event timeline</h2>
    <${Problem} error=${error} />
    ${
      data === undefined && !error
        ? html`<${Loading} what="events" />`
        : data &&
          html`<ol class="timeline">
          ${data.events.length === 0 && html`<li>No events kept for this room.</li>`}
          ${data.events.map(
            (
              e,
            ) => html`<li key=${e.id}><time datetime=${new Date(e.timestamp).toISOString()}>${time(e.timestamp)}</time>
              <strong class="op">${e.operation}</strong> by ${e.operator}
              ${e.payload !== undefined && html`<code class="payload">${JSON.stringify(e.payload)}</code>`}</li>`,
          )}
        </ol>`
    }
  </section>`;
}

function Moderation({ base, room, onChanged, onDissolved }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState(undefined);
  const mute = async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      const minutes = Number(form.get('minutes'));
      await api('POST', `${base}/mutes`, {
        usernames: [String(form.get('user'))],
        duration: minutes > 0 ? minutes * 60_000 : -1,
      });
      setError(undefined);
      event.target.reset();
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  return html`<section aria-labelledby="moderation">
    <h2 id="moderation">Moderation</h2>
    <form onSubmit=${mute} class="inline">
      <label for="mute-user">Mute member</label><input id="mute-user" name="user" required />
      <label for="mute-minutes">Minutes (0 = until unmuted)</label><input id="mute-minutes" name="minutes" type="number" min="0" value="10" required />
      <button type="submit">Mute</button>
    </form>
    <${Problem} error=${error} />
    <p>
      ${
        confirming
          ? html`<${ActionButton} kind="danger" label=${`Yes, dissolve ${room.name}`} action=${async () => {
              await api('DELETE', base);
              onDissolved();
            }} />
            <button type="button" class="quiet" onClick=${() => setConfirming(false)}>Keep the room</button>`
          : html`<button type="button" class="danger" onClick=${() => setConfirming(true)}>Dissolve room…</button>`
      }
    </p>
  </section>`;
}

function List({ title, items }) {
  const id = `list-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return html`<section aria-labelledby=${id}><h2 id=${id}>${title}</h2>${items.length === 0 ? html`<p>None.</p>` : html`<ul class="chips">${items.map((i) => html`<li>${i}</li>`)}</ul>`}</section>`;
}

export function RoomPage({ org, app, id, admin }) {
  const base = `${appPath(org, app)}/rooms/${encodeURIComponent(id)}`;
  const [dissolved, setDissolved] = useState(false);
  const { data, error, reload } = useLoad(() => api('GET', base), [base]);
  if (dissolved) {
    return html`<${AppNav} org=${org} app=${app} /><h1 tabindex="-1">Room dissolved</h1><p role="status">Room ${id} was dissolved.</p>`;
  }
  if (error)
    return html`<${AppNav} org=${org} app=${app} /><h1 tabindex="-1">Room ${id}</h1><${Problem} error=${error} />`;
  if (!data)
    return html`<${AppNav} org=${org} app=${app} /><h1 tabindex="-1">Room ${id}</h1><${Loading} what="the room" />`;
  const { room } = data;
  return html`
    <${AppNav} org=${org} app=${app} />
    <h1 tabindex="-1">${room.name}</h1>
    <dl class="facts">
      <dt>Id</dt><dd><code>${room.id}</code></dd>
      <dt>Owner</dt><dd>${room.owner}</dd>
      <dt>Members</dt><dd>${room.member_count} of ${room.max_users}</dd>
      <dt>Mute all</dt><dd>${room.mute_all ? 'yes' : 'no'}</dd>
      <dt>Created</dt><dd>${time(room.created)}</dd>
      <dt>Announcement</dt><dd>${data.announcement || '—'}</dd>
    </dl>
    <section aria-labelledby="members">
      <h2 id="members">Members and roles</h2>
      <div class="scroll" tabindex="0" role="region" aria-label="Members table">
        <table>
          <thead><tr><th scope="col">Member</th><th scope="col">Role</th><th scope="col">Muted until</th>${admin && html`<th scope="col">Action</th>`}</tr></thead>
          <tbody>
            ${data.members.map((m) => {
              const mute = data.mutes.find((x) => x.username === m.username);
              return html`<tr key=${m.username}>
                <th scope="row">${m.username}</th><td>${m.role}</td>
                <td>${mute ? (mute.expires_at === -1 ? 'until unmuted' : time(mute.expires_at)) : '—'}</td>
                ${
                  admin &&
                  html`<td>${
                    m.role !== 'owner' &&
                    html`<${ActionButton} kind="quiet" label=${`Remove ${m.username}`} action=${async () => {
                      await api('DELETE', `${base}/members/${encodeURIComponent(m.username)}`);
                      reload();
                    }} />`
                  }</td>`
                }
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </section>
    <div class="columns">
      <${List} title="Blocklist" items=${data.blocklist} />
      <${List} title="Allowlist" items=${data.allowlist} />
      <${List} title="Attributes" items=${Object.entries(data.attributes).map(([k, v]) => `${k} = ${v}`)} />
    </div>
    ${admin && html`<${Moderation} base=${base} room=${room} onChanged=${reload} onDissolved=${() => setDissolved(true)} />`}
    <${Timeline} base=${base} />
  `;
}
