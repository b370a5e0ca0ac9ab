// Whether feed clips play with sound; remembered in localStorage across visits.
import { signal, effect } from '@preact/signals';

const KEY = 'dreamfeed.muted';

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'false';
  } catch {
    return true;
  }
}

export const muted = signal(stored());

effect(() => {
  try {
    localStorage.setItem(KEY, String(muted.value));
  } catch {
    /* private mode: the choice lasts for this visit only */
  }
});

export function toggleMuted() {
  muted.value = !muted.value;
}
