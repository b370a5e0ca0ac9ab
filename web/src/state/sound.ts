// Whether feed clips play with sound; remembered in localStorage across visits.
// Browsers refuse sound before the first tap on a new visit: then clips play muted
// (`soundBlocked`) without forgetting the person's choice, until they tap.
import { computed, effect, signal } from '@preact/signals';

const KEY = 'dreamfeed.muted';

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'false';
  } catch {
    return true;
  }
}

export const muted = signal(stored());
export const soundBlocked = signal(false);
/** Whether clips are silent right now (by choice, or until the first tap). */
export const silent = computed(() => muted.value || soundBlocked.value);

effect(() => {
  try {
    localStorage.setItem(KEY, String(muted.value));
  } catch {
    /* private mode: the choice lasts for this visit only */
  }
});

export function toggleMuted() {
  if (soundBlocked.value) {
    soundBlocked.value = false;
    muted.value = false;
    return;
  }
  muted.value = !muted.value;
}
