// Log in / Sign up, then back to where the person was (?next=).
import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/client';
import { ErrorText } from '../components/ErrorText';
import { navigate } from '../lib/navigate';
import { logIn, signUp } from '../state/session';

/** Only same-site paths are followed after logging in. */
export function safeNext(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/login')) return '/';
  return raw;
}

export function LoginPage() {
  const params = new URLSearchParams(location.search);
  const next = safeNext(params.get('next'));
  const [mode, setMode] = useState<'login' | 'signup'>(params.get('mode') === 'signup' ? 'signup' : 'login');
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'login') await logIn(handle.trim(), password);
      else await signUp(handle.trim(), password);
      navigate(next, true);
    } catch (err) {
      setError({ message: errorMessage(err), field: err instanceof ApiError ? err.field : undefined });
    } finally {
      setBusy(false);
    }
  };

  const title = mode === 'login' ? 'Log in' : 'Sign up';
  return (
    <main class="page narrow">
      <h1>{title}</h1>
      <div class="segmented" role="tablist" aria-label="Log in or sign up">
        <button type="button" role="tab" aria-selected={mode === 'login'} onClick={() => setMode('login')}>
          Log in
        </button>
        <button type="button" role="tab" aria-selected={mode === 'signup'} onClick={() => setMode('signup')}>
          Sign up
        </button>
      </div>
      <form onSubmit={submit} class="stack" aria-label={title}>
        <label>
          Handle
          <input
            name="handle"
            autocomplete="username"
            autocapitalize="none"
            required
            value={handle}
            onInput={(e) => setHandle(e.currentTarget.value)}
            aria-invalid={error?.field === 'handle'}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autocomplete={mode === 'login' ? 'current-password' : 'new-password'}
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={error?.field === 'password'}
          />
        </label>
        <ErrorText message={error?.message} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'One moment…' : title}
        </button>
      </form>
    </main>
  );
}
