// The daily watch limit (minutes, 0 for none) and how much was watched today. When
// the limit is reached the For You feed ends with a message (see FeedEnd).
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../api/client';
import { endpoints } from '../api/endpoints';
import type { Wellbeing } from '../api/types';
import { useSubmit } from '../lib/useSubmit';
import { reloadKey } from '../state/connection';
import { ErrorText } from './ErrorText';

export const MAX_DAILY_MINUTES = 1440;

export function WatchLimitForm() {
  const [wellbeing, setWellbeing] = useState<Wellbeing | null>(null);
  const [minutes, setMinutes] = useState('');
  const submit = useSubmit();
  const retry = reloadKey.value;

  const show = (w: Wellbeing) => {
    setWellbeing(w);
    setMinutes(String(w.daily_limit_minutes));
  };

  useEffect(() => {
    endpoints.wellbeing().then(show, (e) => submit.setError(errorMessage(e)));
  }, [retry]);

  const save = (e: Event) => {
    e.preventDefault();
    const limit = Number(minutes);
    void submit.run(async () => show(await endpoints.setWellbeing(limit)), limit > 0 ? 'Limit saved.' : 'No daily limit.');
  };

  const limit = wellbeing?.daily_limit_minutes ?? 0;
  return (
    <form class="stack settings-section" onSubmit={save} aria-labelledby="limit-title" aria-busy={!wellbeing}>
      <h2 id="limit-title">Daily watch limit</h2>
      <label>
        Minutes a day (0 for no limit)
        <input
          name="daily_limit_minutes"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_DAILY_MINUTES}
          step={1}
          required
          value={minutes}
          onInput={(e) => setMinutes(e.currentTarget.value)}
          aria-invalid={submit.field === 'daily_limit_minutes'}
        />
      </label>
      {wellbeing && (
        <p class="hint" data-testid="watched-today">
          Watched today: {wellbeing.watched_today_minutes} min{limit > 0 ? ` of ${limit}` : ''}
        </p>
      )}
      <ErrorText message={submit.error} />
      <p class="hint" aria-live="polite">
        {submit.status}
      </p>
      <div class="row">
        <button type="submit" class="primary" disabled={submit.busy || !wellbeing}>
          Save limit
        </button>
      </div>
    </form>
  );
}
