// Steering the For You feed in your own words ("more animals and space, less cars"):
// shows the saved text with what the server understood and the words it ignored;
// Save replaces it, Clear removes it. No steering set is a 404, shown as empty.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/client';
import { endpoints } from '../api/endpoints';
import type { Steering } from '../api/types';
import { useSubmit } from '../lib/useSubmit';
import { reloadKey } from '../state/connection';
import { ErrorText } from './ErrorText';

export function SteeringForm() {
  const [text, setText] = useState('');
  const [saved, setSaved] = useState<Steering | null>(null);
  const [loaded, setLoaded] = useState(false);
  const submit = useSubmit();
  const retry = reloadKey.value;

  useEffect(() => {
    endpoints.steering().then(
      (steering) => {
        setSaved(steering);
        setText(steering.text);
        setLoaded(true);
      },
      (e) => {
        if (e instanceof ApiError && e.status === 404) setLoaded(true);
        else submit.setError(errorMessage(e));
      },
    );
  }, [retry]);

  const save = (e: Event) => {
    e.preventDefault();
    void submit.run(async () => {
      const steering = await endpoints.setSteering(text);
      setSaved(steering);
      setText(steering.text);
    }, 'Saved. Your feed follows it from the next clips.');
  };

  const clear = () =>
    void submit.run(async () => {
      await endpoints.clearSteering();
      setSaved(null);
      setText('');
    }, 'Cleared. Your feed is no longer steered.');

  return (
    <form class="stack settings-section" onSubmit={save} aria-labelledby="steering-title" aria-busy={!loaded}>
      <h2 id="steering-title">Steer your feed</h2>
      <label>
        What would you like to see more or less of?
        <textarea
          name="steering"
          rows={3}
          maxLength={500}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          aria-invalid={submit.field === 'text'}
          aria-describedby="steering-hint"
        />
      </label>
      <p class="hint" id="steering-hint">
        In your own words, for example “more animals and space, less cars” or “calmer”.
      </p>
      {saved && (
        <dl class="steering-result">
          <dt>Understood</dt>
          <dd data-testid="steering-understood">{saved.understood}</dd>
          {saved.ignored_words.length > 0 && (
            <>
              <dt>Ignored words</dt>
              <dd data-testid="steering-ignored">{saved.ignored_words.join(', ')}</dd>
            </>
          )}
        </dl>
      )}
      <ErrorText message={submit.error} />
      <p class="hint" aria-live="polite">
        {submit.status}
      </p>
      <div class="row">
        <button type="submit" class="primary" disabled={submit.busy || !loaded}>
          Save
        </button>
        <button type="button" onClick={clear} disabled={submit.busy || !saved}>
          Clear
        </button>
      </div>
    </form>
  );
}
