// A short-lived status message ("Link copied") shown at the bottom of the screen.
import { signal } from '@preact/signals';

const message = signal<string | null>(null);
let timer: ReturnType<typeof setTimeout> | undefined;

export function showToast(text: string) {
  message.value = text;
  clearTimeout(timer);
  timer = setTimeout(() => (message.value = null), 2500);
}

export function Toast() {
  return (
    <div class="toast" role="status" aria-live="polite">
      {message.value}
    </div>
  );
}
