// Small display formatters: counts (1.2K), handles, relative dates.
export function formatCount(n: number | undefined): string {
  if (n === undefined || n === null) return '';
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0).replace(/\.0$/, '')}K`;
  return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
}

export function displayName(user: { handle: string; display_name?: string }): string {
  return user.display_name || `@${user.handle}`;
}

export function shareUrl(videoId: string): string {
  return `${location.origin}/v/${encodeURIComponent(videoId)}`;
}

export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}
