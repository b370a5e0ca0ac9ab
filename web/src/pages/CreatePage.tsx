// Create: prompt and options, what the account may still generate, live progress
// with queue position, then the draft plays with publish / discard / remix again.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/client';
import { endpoints } from '../api/endpoints';
import type { Job, Video } from '../api/types';
import { ClipPlayer } from '../components/ClipPlayer';
import { ErrorText } from '../components/ErrorText';
import { SceneView } from '../components/SceneView';
import { navigate } from '../lib/navigate';
import { usePersistentText } from '../lib/usePersistentText';
import { allowance, loggedIn, loginPath, refreshAllowance, sessionKnown } from '../state/session';
import { watchJob } from '../state/watchJob';
import { AllowanceNote } from '../components/AllowanceNote';
import { JobProgress } from '../components/JobProgress';

export const PROMPT_LIMIT = 2000;

function Choice({ name, label, options, value, onChange }: {
  name: string;
  label: string;
  options: string[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <fieldset class="choice">
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option} class="chip">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          <span>{name === 'seconds' ? `${option} s` : option}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function CreatePage() {
  const params = new URLSearchParams(location.search);
  const remixOf = params.get('remix_of') ?? '';
  const [prompt, setPrompt] = usePersistentText(`prompt:${remixOf}`, params.get('prompt') ?? '');
  const [seconds, setSeconds] = useState('4');
  const [aspect, setAspect] = useState('portrait');
  const [resolution, setResolution] = useState('720p');
  const [seed, setSeed] = useState(params.get('seed') ?? '');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [draft, setDraft] = useState<Video | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (draft) document.querySelector('section.draft')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [draft?.id]);

  useEffect(() => {
    if (loggedIn.value) void refreshAllowance();
  }, [loggedIn.value]);

  // After a reload (or coming back to Create) a clip still being made is shown again:
  // the newest of the account's queued or running jobs.
  useEffect(() => {
    if (!loggedIn.value) return;
    let current = true;
    endpoints.myJobs().then(
      ({ items }) => {
        const newest = items[items.length - 1];
        if (current && newest) setJob((shown) => shown ?? newest);
      },
      () => {}, // the form works without it
    );
    return () => {
      current = false;
    };
  }, [loggedIn.value]);

  useEffect(() => {
    if (!job || job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled') return;
    return watchJob(
      job.id,
      (update) => {
        setJob(update);
        if (update.status === 'succeeded' && update.video_id) {
          endpoints.video(update.video_id).then(setDraft, (e) => setError({ message: errorMessage(e) }));
          void refreshAllowance();
        } else if (update.status === 'failed') {
          setError({ message: update.error || 'The clip could not be generated.' });
        }
      },
      (e) => setError({ message: errorMessage(e) }),
    );
  }, [job?.id]);

  if (sessionKnown.value && !loggedIn.value) {
    return (
      <main class="page narrow">
        <h1>Create</h1>
        <p>
          <a href={loginPath()}>Log in</a> to create clips.
        </p>
      </main>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setDraft(null);
    setBusy(true);
    try {
      const order = {
        prompt,
        seconds: Number(seconds),
        aspect,
        resolution,
        ...(seed.trim() !== '' ? { seed: Number(seed) } : {}),
        ...(remixOf ? { remix_of: remixOf } : {}),
      };
      const result = await endpoints.orderVideo(order);
      setJob(result.job);
    } catch (err) {
      setError({ message: errorMessage(err), field: err instanceof ApiError ? err.field : undefined });
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (!draft) return;
    try {
      const published = await endpoints.publish(draft.id);
      setPrompt('');
      navigate(`/v/${encodeURIComponent(published.id)}`);
    } catch (err) {
      setError({ message: errorMessage(err) });
    }
  };

  const discard = async () => {
    if (!draft) return;
    try {
      await endpoints.deleteVideo(draft.id);
      setDraft(null);
      setJob(null);
    } catch (err) {
      setError({ message: errorMessage(err) });
    }
  };

  const cancel = async () => {
    if (!job) return;
    try {
      setJob(await endpoints.cancelJob(job.id));
    } catch (err) {
      setError({ message: errorMessage(err) });
    }
  };

  // Another take on the same prompt: a fresh seed; this draft stays in Drafts.
  const remixAgain = () => {
    setSeed('');
    setDraft(null);
    setJob(null);
    document.getElementById('prompt')?.focus();
  };

  const running = job !== null && (job.status === 'queued' || job.status === 'running');
  const limitLeft = allowance.value?.remaining;

  return (
    <main class="page create-page">
      <h1>{remixOf ? 'Remix' : 'Create'}</h1>
      {remixOf && (
        <p class="remix-note">
          Remixing <a href={`/v/${encodeURIComponent(remixOf)}`}>this clip</a>.
        </p>
      )}
      <form class="stack" onSubmit={submit} aria-label="Create a clip">
        <label for="prompt">Prompt</label>
        <textarea
          id="prompt"
          name="prompt"
          rows={4}
          maxLength={PROMPT_LIMIT}
          placeholder="A red fox jumps over a fence at sunset"
          value={prompt}
          onInput={(e) => setPrompt(e.currentTarget.value)}
          aria-describedby="prompt-count"
          aria-invalid={error?.field === 'prompt'}
        />
        <p id="prompt-count" class="hint" aria-live="polite">
          {prompt.length}/{PROMPT_LIMIT}
        </p>
        <Choice name="seconds" label="Length" options={['4', '8', '12']} value={seconds} onChange={setSeconds} />
        <Choice name="aspect" label="Aspect" options={['portrait', 'landscape', 'square']} value={aspect} onChange={setAspect} />
        <Choice name="resolution" label="Resolution" options={['480p', '720p', '1080p']} value={resolution} onChange={setResolution} />
        <label>
          Seed (optional, reuse one to get the same clip)
          <input
            name="seed"
            inputMode="numeric"
            pattern="[0-9]*"
            value={seed}
            onInput={(e) => setSeed(e.currentTarget.value)}
            aria-invalid={error?.field === 'seed'}
          />
        </label>
        <AllowanceNote allowance={allowance.value} />
        <ErrorText message={error?.message} />
        <button type="submit" class="primary" disabled={busy || running || limitLeft === 0}>
          {busy ? 'Sending…' : 'Generate'}
        </button>
      </form>
      {job && !draft && (
        <>
          {job.request?.prompt && job.request.prompt !== prompt && (
            <p class="hint">Making: “{job.request.prompt}”</p>
          )}
          <JobProgress job={job} onCancel={running ? cancel : undefined} />
        </>
      )}
      {draft && (
        <section class="draft" aria-label="Your draft">
          <h2>Your draft</h2>
          <div class="draft-player">
            <ClipPlayer video={draft} active preload="auto" />
          </div>
          <div class="row">
            <button type="button" class="primary" onClick={publish}>
              Publish
            </button>
            <button type="button" onClick={discard}>
              Discard
            </button>
            <button type="button" onClick={remixAgain}>
              Remix again
            </button>
          </div>
          <p class="hint">Seed {draft.seed}</p>
          <SceneView scene={draft.scene} />
        </section>
      )}
    </main>
  );
}
