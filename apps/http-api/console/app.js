// The operator console: a few pages over the operator API, rendered with preact + htm (no
// build-time JSX), routed by the URL's hash so the service serves one page.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { api } from './api.js';
import { AppPage } from './pages/app.js';
import { AppsPage } from './pages/apps.js';
import { InstancePage } from './pages/instance.js';
import { RoomPage } from './pages/room.js';
import { RoomsPage } from './pages/rooms.js';
import { SignIn, ChangePassword } from './pages/sign-in.js';
import { WebhooksPage } from './pages/webhooks.js';
import './app.css';

function useHash() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash;
}

/** `#/apps/org/app/rooms/id` → the page and its parameters. */
function route(hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'instance') return { page: 'instance' };
  if (parts[0] === 'apps' && parts.length === 3) return { page: 'app', org: parts[1], app: parts[2] };
  if (parts[0] === 'apps' && parts.length >= 4) {
    const [, org, app, section, id] = parts;
    if (section === 'rooms' && id) return { page: 'room', org, app, id };
    if (section === 'rooms') return { page: 'rooms', org, app };
    if (section === 'webhooks') return { page: 'webhooks', org, app };
  }
  return { page: 'apps' };
}

function Page({ where, me }) {
  const admin = me.role === 'admin';
  switch (where.page) {
    case 'instance':
      return html`<${InstancePage} />`;
    case 'app':
      return html`<${AppPage} org=${where.org} app=${where.app} admin=${admin} />`;
    case 'rooms':
      return html`<${RoomsPage} org=${where.org} app=${where.app} />`;
    case 'room':
      return html`<${RoomPage} org=${where.org} app=${where.app} id=${where.id} admin=${admin} />`;
    case 'webhooks':
      return html`<${WebhooksPage} org=${where.org} app=${where.app} admin=${admin} />`;
    default:
      return html`<${AppsPage} admin=${admin} />`;
  }
}

function Console() {
  const [me, setMe] = useState(undefined);
  const hash = useHash();
  useEffect(() => {
    api('GET', '/session').then(setMe, () => setMe(null));
  }, []);
  useEffect(() => {
    document.querySelector('main h1')?.focus();
  }, [hash]);

  if (me === undefined) return html`<main><p class="loading">Loading…</p></main>`;
  if (me === null) return html`<${SignIn} onSignedIn=${setMe} />`;
  if (me.must_change_password) return html`<${ChangePassword} me=${me} onChanged=${setMe} />`;
  const signOut = async () => {
    await api('DELETE', '/session').catch(() => {});
    setMe(null);
    location.hash = '';
  };
  return html`
    <header class="bar">
      <nav aria-label="Console">
        <a href="#/apps">Apps</a>
        <a href="#/instance">Instance</a>
      </nav>
      <span class="who">${me.name} (${me.role})</span>
      <button type="button" class="quiet" onClick=${signOut}>Sign out</button>
    </header>
    <main><${Page} where=${route(hash)} me=${me} /></main>
  `;
}

const root = document.getElementById('root');
// The server's "Loading…" placeholder goes; preact renders into an empty element.
root.textContent = '';
render(html`<${Console} />`, root);
