import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { Problem } from './shared.js';

export function SignIn({ onSignedIn }) {
  const [error, setError] = useState(undefined);
  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      onSignedIn(await api('POST', '/session', { username: form.get('username'), password: form.get('password') }));
    } catch (e) {
      setError(e);
    }
  };
  return html`<main class="narrow">
    <h1 tabindex="-1">Chat-room console</h1>
    <form onSubmit=${submit} class="stack">
      <label for="username">Operator name</label>
      <input id="username" name="username" autocomplete="username" required />
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required />
      <button type="submit">Sign in</button>
      <${Problem} error=${error} />
    </form>
  </main>`;
}

export function ChangePassword({ me, onChanged }) {
  const [error, setError] = useState(undefined);
  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      onChanged(await api('PUT', '/session/password', { password: form.get('password') }));
    } catch (e) {
      setError(e);
    }
  };
  return html`<main class="narrow">
    <h1 tabindex="-1">Choose your password</h1>
    <p>${me.name}, your password was generated for you: choose your own (12 characters or more).</p>
    <form onSubmit=${submit} class="stack">
      <label for="new-password">New password</label>
      <input id="new-password" name="password" type="password" autocomplete="new-password" minlength="12" required />
      <button type="submit">Save password</button>
      <${Problem} error=${error} />
    </form>
  </main>`;
}
