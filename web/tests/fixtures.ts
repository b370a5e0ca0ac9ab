// Sample API objects for component tests.
import type { Video } from '../src/api/types';

export function sampleVideo(overrides: Partial<Video> = {}): Video {
  return {
    id: 'vid1',
    status: 'published',
    prompt: 'a red fox jumps over a fence',
    seconds: 4,
    width: 480,
    height: 854,
    seed: 42,
    creator: { id: 'u1', handle: 'ada', display_name: 'Ada' },
    remix_of: null,
    remix_source: null,
    video_url: '/media/videos/vid1.mp4',
    thumbnail_url: '/media/thumbnails/vid1.jpg',
    created_at: '2026-01-01T00:00:00Z',
    published_at: '2026-01-01T00:00:00Z',
    likes: 3,
    comments: 2,
    remixes: 1,
    liked_by_me: false,
    ...overrides,
  };
}
