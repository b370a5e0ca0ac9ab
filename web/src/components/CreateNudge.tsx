// A gentle banner over the feed after a long passive session, when the server's
// page carries a `nudge`: its words and a link to Create. It stays until dismissed
// (later pages may not repeat it); the live region announces it once.
import { useEffect, useState } from 'preact/hooks';

export function CreateNudge({ text }: { text?: string | null }) {
  const [shown, setShown] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => {
    if (text) setShown(text);
  }, [text]);
  const visible = shown !== null && shown !== dismissed;
  return (
    <div class="create-nudge-live" aria-live="polite">
      {visible && (
        <aside class="create-nudge" aria-label="A suggestion" data-testid="nudge">
          <p>{shown}</p>
          <div class="row">
            <a class="button primary" href="/create">
              Make a clip
            </a>
            <button type="button" onClick={() => setDismissed(shown)}>
              Not now
            </button>
          </div>
        </aside>
      )}
    </div>
  );
}
