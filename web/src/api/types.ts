// Shapes of the JSON the Dreamfeed API returns (see src/http/api/openapi.json).
// Social fields are optional: older servers (before the social routes) leave them out.

export interface UserRef {
  id: string;
  handle: string;
  display_name?: string;
  avatar_url?: string | null;
}

export interface User extends UserRef {
  is_admin?: boolean;
  bio?: string;
  created_at?: string;
}

export interface Profile extends User {
  followers: number;
  following: number;
  published_videos: number;
  followed_by_me: boolean;
}

export interface Allowance {
  monthly_limit: number | null;
  used: number;
  remaining: number | null;
  resets_at: string;
}

export interface Video {
  id: string;
  status: 'draft' | 'published' | string;
  prompt: string;
  seconds: number;
  width: number;
  height: number;
  seed: number;
  creator: UserRef;
  remix_of: string | null;
  remix_source?: { id: string; creator_handle: string } | null;
  video_url: string;
  thumbnail_url: string;
  created_at: string;
  published_at: string | null;
  scene?: unknown;
  likes?: number;
  comments?: number;
  remixes?: number;
  liked_by_me?: boolean;
}

export interface Comment {
  id: string;
  video_id: string;
  author: UserRef;
  text: string;
  created_at: string;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  status: JobStatus;
  progress: number;
  queue_position: number;
  video_id: string | null;
  error: string | null;
  request: { prompt: string; seconds: number; aspect: string; resolution: string; seed: number; remix_of: string | null };
}

export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

export interface VideoOrder {
  prompt: string;
  seconds: number;
  aspect: string;
  resolution: string;
  seed?: number;
  remix_of?: string;
}
