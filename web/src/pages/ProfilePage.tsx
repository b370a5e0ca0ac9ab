// A person's profile (/@handle): name, bio, counts, follow button, their published
// clips, followers/following; on your own profile, editing and logging out.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/client';
import { endpoints } from '../api/endpoints';
import type { Profile } from '../api/types';
import { Avatar } from '../components/Avatar';
import { ClipGrid } from '../components/ClipGrid';
import { ErrorText } from '../components/ErrorText';
import { PeopleList } from '../components/PeopleList';
import { ProfileEditor } from '../components/ProfileEditor';
import { displayName, formatCount } from '../lib/format';
import { navigate } from '../lib/navigate';
import { usePagedList } from '../lib/usePagedList';
import { reloadKey } from '../state/connection';
import { currentUser, logOut, requireLogin } from '../state/session';

export function ProfilePage({ handle }: { handle: string }) {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [tab, setTab] = useState<'clips' | 'followers' | 'following'>('clips');
  const [editing, setEditing] = useState(false);
  const videos = usePagedList((cursor) => endpoints.userVideos(handle, cursor), `videos:${handle}`);
  const retry = reloadKey.value;
  const isMe = currentUser.value?.handle === handle;

  useEffect(() => {
    setError(null);
    endpoints.profile(handle).then(
      setProfile,
      (e) => setError(e instanceof ApiError && e.status === 404 ? `There is no @${handle}.` : errorMessage(e)),
    );
  }, [handle, retry, currentUser.value?.id]);

  if (error) return <main class="page"><ErrorText message={error} /></main>;
  if (!profile) return <main class="page" aria-busy="true"><p>Loading @{handle}…</p></main>;

  const toggleFollow = async () => {
    if (!requireLogin()) return;
    setActionError(null);
    try {
      const result = profile.followed_by_me ? await endpoints.unfollow(handle) : await endpoints.follow(handle);
      setProfile({ ...profile, followed_by_me: result.following, followers: result.followers });
    } catch (e) {
      setActionError(errorMessage(e));
    }
  };

  const signOut = async () => {
    await logOut();
    navigate('/');
  };

  return (
    <main class="page profile-page">
      <header class="profile-header">
        <Avatar user={profile} size={80} />
        <div>
          <h1>{displayName(profile)}</h1>
          <p class="hint">@{profile.handle}</p>
          {profile.bio && <p class="bio">{profile.bio}</p>}
        </div>
      </header>
      <div class="row profile-counts" role="tablist" aria-label="Profile sections">
        <button type="button" role="tab" aria-selected={tab === 'clips'} onClick={() => setTab('clips')}>
          <strong>{formatCount(profile.published_videos)}</strong> clips
        </button>
        <button type="button" role="tab" aria-selected={tab === 'followers'} onClick={() => setTab('followers')}>
          <strong data-testid="followers-count">{formatCount(profile.followers)}</strong> followers
        </button>
        <button type="button" role="tab" aria-selected={tab === 'following'} onClick={() => setTab('following')}>
          <strong>{formatCount(profile.following)}</strong> following
        </button>
      </div>
      <div class="row">
        {isMe ? (
          <>
            <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
              Edit profile
            </button>
            <a class="button" href="/drafts">
              Drafts
            </a>
            <a class="button" href="/settings/feed">
              Your feed
            </a>
            <button type="button" onClick={signOut}>
              Log out
            </button>
          </>
        ) : (
          <button type="button" class={profile.followed_by_me ? '' : 'primary'} onClick={toggleFollow}
            aria-pressed={profile.followed_by_me}
            data-testid="follow-button"
          >
            {profile.followed_by_me ? 'Following' : 'Follow'}
          </button>
        )}
      </div>
      <ErrorText message={actionError} />
      {editing && isMe && (
        <ProfileEditor profile={profile} onSaved={(c) => setProfile({ ...profile, ...c })} onClose={() => setEditing(false)} />
      )}
      {tab === 'clips' && (
        <>
          <ErrorText message={videos.error} />
          {!videos.loading && videos.items.length === 0 && !videos.error && <p class="hint">No published clips yet.</p>}
          <ClipGrid videos={videos.items} label={`Clips by @${handle}`} />
          {!videos.done && videos.items.length > 0 && (
            <button type="button" onClick={videos.loadMore}>
              More clips
            </button>
          )}
        </>
      )}
      {tab !== 'clips' && <PeopleList handle={handle} which={tab} key={tab} />}
    </main>
  );
}
