// The remembered mute choice.
import { describe, expect, it } from 'vitest';
import { muted, toggleMuted } from '../src/state/sound';

describe('sound', () => {
  it('starts muted and remembers unmuting in localStorage', () => {
    expect(muted.value).toBe(true);
    toggleMuted();
    expect(muted.value).toBe(false);
    expect(localStorage.getItem('dreamfeed.muted')).toBe('false');
    toggleMuted();
    expect(localStorage.getItem('dreamfeed.muted')).toBe('true');
  });
});

describe('sound blocked by the browser', () => {
  it('keeps the remembered choice and the first tap restores sound', async () => {
    const { muted, silent, soundBlocked, toggleMuted } = await import('../src/state/sound');
    muted.value = false;
    soundBlocked.value = true;
    expect(silent.value).toBe(true);
    expect(localStorage.getItem('dreamfeed.muted')).toBe('false');
    toggleMuted();
    expect(silent.value).toBe(false);
    expect(muted.value).toBe(false);
  });
});
