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
