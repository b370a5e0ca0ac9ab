// Typed functions for each API route the app uses, built on the one client.
import { api } from './client';
import type {
  Allowance, Comment, EventsReply, FeedPage, Job, Page, Profile, Steering, User, Video, VideoOrder, ViewEvent, Wellbeing,
} from './types';

const q = (cursor?: string | null) => (cursor ? `?cursor=${encodeURIComponent(cursor)}` : '');
const seg = encodeURIComponent;

export interface AuthResult {
  user: User;
  token: string;
  csrf_token: string;
}
export interface Me {
  user: User;
  csrf_token?: string;
  allowance?: Allowance;
}

export const endpoints = {
  signup: (handle: string, password: string) => api<AuthResult>('POST', '/auth/signup', { body: { handle, password }, quiet401: true }),
  login: (handle: string, password: string) => api<AuthResult>('POST', '/auth/login', { body: { handle, password }, quiet401: true }),
  logout: () => api<void>('POST', '/auth/logout', { quiet401: true }),
  me: () => api<Me>('GET', '/me', { quiet401: true }),
  updateMe: (changes: { display_name?: string; bio?: string }) => api<{ user: User }>('PATCH', '/me', { body: changes }),
  uploadAvatar: (image: Blob) => api<{ user: User }>('PUT', '/me/avatar', { raw: image }),

  feed: (cursor?: string | null) => api<FeedPage>('GET', `/feed${q(cursor)}`),
  followingFeed: (cursor?: string | null) => api<FeedPage>('GET', `/feed/following${q(cursor)}`),
  // A background send: a 401 (session gone) must not pull the viewer to the log-in page,
  // and one that hangs is abandoned (and retried with the same ids) after 15 s.
  sendEvents: (events: ViewEvent[], keepalive = false) =>
    api<EventsReply>('POST', '/events', { body: { events }, keepalive, quiet401: true, timeoutMs: 15_000 }),

  steering: () => api<Steering>('GET', '/me/steering'),
  setSteering: (text: string) => api<Steering>('PUT', '/me/steering', { body: { text } }),
  clearSteering: () => api<void>('DELETE', '/me/steering'),
  wellbeing: () => api<Wellbeing>('GET', '/me/wellbeing'),
  // Sends this device's clock too, so the limit's day ends at the viewer's own midnight.
  setWellbeing: (daily_limit_minutes: number) =>
    api<Wellbeing>('PUT', '/me/wellbeing', {
      body: { daily_limit_minutes, utc_offset_minutes: -new Date().getTimezoneOffset() },
    }),
  drafts: () => api<Page<Video>>('GET', '/me/drafts'),

  video: (id: string) => api<Video>('GET', `/videos/${seg(id)}`),
  orderVideo: (order: VideoOrder) => api<{ job: Job }>('POST', '/videos', { body: order }),
  publish: (id: string) => api<Video>('POST', `/videos/${seg(id)}/publish`),
  deleteVideo: (id: string) => api<void>('DELETE', `/videos/${seg(id)}`),
  like: (id: string) => api<{ liked: boolean; likes: number }>('PUT', `/videos/${seg(id)}/like`),
  unlike: (id: string) => api<{ liked: boolean; likes: number }>('DELETE', `/videos/${seg(id)}/like`),
  comments: (id: string, cursor?: string | null) => api<Page<Comment>>('GET', `/videos/${seg(id)}/comments${q(cursor)}`),
  postComment: (id: string, text: string) => api<Comment>('POST', `/videos/${seg(id)}/comments`, { body: { text } }),
  deleteComment: (id: string) => api<void>('DELETE', `/comments/${seg(id)}`),
  remixes: (id: string, cursor?: string | null) => api<Page<Video>>('GET', `/videos/${seg(id)}/remixes${q(cursor)}`),

  job: (id: string) => api<Job>('GET', `/jobs/${seg(id)}`),
  cancelJob: (id: string) => api<Job>('POST', `/jobs/${seg(id)}/cancel`),
  myJobs: () => api<{ items: Job[] }>('GET', '/me/jobs'),

  profile: (handle: string) => api<Profile>('GET', `/users/${seg(handle)}`),
  userVideos: (handle: string, cursor?: string | null) => api<Page<Video>>('GET', `/users/${seg(handle)}/videos${q(cursor)}`),
  followers: (handle: string) => api<Page<Profile>>('GET', `/users/${seg(handle)}/followers`),
  following: (handle: string) => api<Page<Profile>>('GET', `/users/${seg(handle)}/following`),
  follow: (handle: string) => api<{ following: boolean; followers: number }>('PUT', `/users/${seg(handle)}/follow`),
  unfollow: (handle: string) => api<{ following: boolean; followers: number }>('DELETE', `/users/${seg(handle)}/follow`),
};
