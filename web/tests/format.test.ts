// Display formatters.
import { describe, expect, it } from 'vitest';
import { displayName, formatCount, timeAgo } from '../src/lib/format';

describe('format', () => {
  it('abbreviates counts', () => {
    expect(formatCount(undefined)).toBe('');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1200)).toBe('1.2K');
    expect(formatCount(15_000)).toBe('15K');
    expect(formatCount(2_000_000)).toBe('2M');
  });
  it('names people by display name, else handle', () => {
    expect(displayName({ handle: 'ada', display_name: 'Ada L' })).toBe('Ada L');
    expect(displayName({ handle: 'ada' })).toBe('@ada');
  });
  it('says how long ago', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(timeAgo('2026-01-01T11:59:30Z', now)).toBe('just now');
    expect(timeAgo('2026-01-01T11:00:00Z', now)).toBe('1 h ago');
    expect(timeAgo('2025-12-30T12:00:00Z', now)).toBe('2 d ago');
  });
});
