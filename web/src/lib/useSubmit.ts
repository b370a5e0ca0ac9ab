// The state of a form's server action: busy while it runs, the error in words (and
// the field the server named, for aria-invalid), or a status line once it is done.
import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/client';

export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [field, setField] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');

  /** Runs `action`; shows `done` after it succeeds, or the error it threw. */
  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    setField(undefined);
    setStatus('');
    try {
      await action();
      setStatus(done);
    } catch (e) {
      setError(errorMessage(e));
      setField(e instanceof ApiError ? e.field : undefined);
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, field, status, run, setError };
}
