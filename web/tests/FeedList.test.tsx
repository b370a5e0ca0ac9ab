// The feed: what each slide shows, which clips preload, the keyboard.
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { FeedList, preloadFor } from '../src/components/FeedList';
import { muted } from '../src/state/sound';
import { sampleVideo } from './fixtures';

describe('FeedList', () => {
  it('preloads the visible clip and the next one fully', () => {
    expect(preloadFor(0, 0)).toBe('auto');
    expect(preloadFor(1, 0)).toBe('auto');
    expect(preloadFor(2, 0)).toBe('metadata');
    expect(preloadFor(5, 0)).toBe('none');
  });

  it('shows creator, prompt, remix source and counts on each clip', () => {
    const videos = [
      sampleVideo(),
      sampleVideo({ id: 'vid2', prompt: 'a fox at night', remix_of: 'vid1', remix_source: { id: 'vid1', creator_handle: 'ada' } }),
    ];
    const { container } = render(<FeedList videos={videos} />);
    expect(container.querySelectorAll('article.feed-slide')).toHaveLength(2);
    expect(screen.getAllByText('@ada')).toHaveLength(2);
    expect(screen.getByText('a fox at night')).toBeTruthy();
    expect(screen.getByText(/Remix of @ada/).getAttribute('href')).toBe('/v/vid1');
    expect(container.querySelector('[data-testid=like-count]')?.textContent).toBe('3');
    const video = container.querySelector('video')!;
    expect(video.getAttribute('src')).toBe('/media/videos/vid1.mp4');
    expect(video.hasAttribute('playsinline')).toBe(true);
    expect(screen.getAllByLabelText('Download')[0].getAttribute('href')).toBe('/media/videos/vid1.mp4');
  });

  it('M toggles sound, but not while typing', () => {
    render(<FeedList videos={[sampleVideo()]} />);
    const before = muted.value;
    fireEvent.keyDown(window, { key: 'm' });
    expect(muted.value).toBe(!before);
    const input = document.createElement('input');
    document.body.appendChild(input);
    fireEvent.keyDown(input, { key: 'm' });
    expect(muted.value).toBe(!before);
  });
});
