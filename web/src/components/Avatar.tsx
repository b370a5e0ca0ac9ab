// A person's round avatar picture, or their initial when they have none.
import type { UserRef } from '../api/types';

export function Avatar({ user, size = 40 }: { user: UserRef; size?: number }) {
  const style = { width: `${size}px`, height: `${size}px`, fontSize: `${Math.round(size / 2.2)}px` };
  if (user.avatar_url) {
    return <img class="avatar" src={user.avatar_url} alt={`@${user.handle}'s avatar`} style={style} />;
  }
  return (
    <span class="avatar avatar-initial" style={style} aria-hidden="true">
      {(user.display_name || user.handle || '?').charAt(0).toUpperCase()}
    </span>
  );
}
