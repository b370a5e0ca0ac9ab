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
  /** Why the ranked For You feed chose this clip ("exploring new clips"); feed items only. */
  reason?: string | null;
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

/** A feed page: besides the clips, the daily watch limit's end and a nudge to create. */
export interface FeedPage extends Page<Video> {
  /** True when the viewer's daily watch limit is reached: no items, `message` says why. */
  limit_reached?: boolean;
  message?: string | null;
  /** A gentle suggestion to make something after a long passive session. */
  nudge?: string | null;
}

/** What a viewer did with a clip, sent in batches to POST /events (see state/viewEvents). */
export type ViewEventBody =
  | { type: 'impression' | 'skip' | 'share' | 'not_interested'; video_id: string }
  | { type: 'watch'; video_id: string; watched_ms: number; duration_ms: number; completed: boolean; loops: number }
  | { type: 'hide_creator'; video_id?: string; creator_id: string };

/** An event as sent: a client id (a batch sent twice counts once) and the client's clock. */
export type ViewEvent = ViewEventBody & { id: string; at: number };

export interface EventsReply {
  accepted: number;
  duplicates: number;
  rejected: { index: number; id: string; reason: string }[];
}

/** The viewer's own words steering the feed, and what the server made of them. */
export interface Steering {
  text: string;
  understood: string;
  ignored_words: string[];
}

export interface Wellbeing {
  /** 0 means no limit. */
  daily_limit_minutes: number;
  watched_today_minutes: number;
  /** The viewer's clock against UTC (east positive): the limit's day starts at their midnight. */
  utc_offset_minutes: number;
}

export interface VideoOrder {
  prompt: string;
  seconds: number;
  aspect: string;
  resolution: string;
  seed?: number;
  remix_of?: string;
}
