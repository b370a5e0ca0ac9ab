// The offline banner: shown while the server is unreachable; Retry checks /healthz.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfflineBanner } from '../src/components/OfflineBanner';
import { offline, reloadKey } from '../src/state/connection';

afterEach(() => {
  vi.unstubAllGlobals();
  offline.value = false;
});

describe('OfflineBanner', () => {
  it('is hidden while online', () => {
    const { container } = render(<OfflineBanner />);
    expect(container.innerHTML).toBe('');
  });

  it('retries and disappears once the server answers, asking pages to reload', async () => {
    offline.value = true;
    let up = false;
    vi.stubGlobal('fetch', vi.fn(async () => {
      if (!up) throw new TypeError('Failed to fetch');
      return new Response('ok');
    }));
    render(<OfflineBanner />);
    fireEvent.click(screen.getByText('Retry'));
    await waitFor(() => expect(screen.getByText('Retry')).toBeTruthy());
    expect(offline.value).toBe(true);
    up = true;
    const before = reloadKey.value;
    fireEvent.click(screen.getByText('Retry'));
    await waitFor(() => expect(offline.value).toBe(false));
    expect(reloadKey.value).toBe(before + 1);
    expect(screen.queryByTestId('offline-banner')).toBeNull();
  });
});
