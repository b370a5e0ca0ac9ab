// Editing your own display name, bio and avatar.
import { useState } from 'preact/hooks';
import { errorMessage } from '../api/client';
import { endpoints } from '../api/endpoints';
import type { Profile } from '../api/types';
import { updateCurrentUser } from '../state/session';
import { ErrorText } from './ErrorText';

export function ProfileEditor({ profile, onSaved, onClose }: {
  profile: Profile;
  onSaved: (changes: Partial<Profile>) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(profile.display_name ?? '');
  const [bio, setBio] = useState(profile.bio ?? '');
  const [avatar, setAvatar] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let { user } = await endpoints.updateMe({ display_name: name, bio });
      if (avatar) user = (await endpoints.uploadAvatar(avatar)).user;
      updateCurrentUser(user);
      onSaved(user);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack profile-editor" onSubmit={save} aria-label="Edit profile">
      <label>
        Display name
        <input name="display_name" maxLength={50} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        Bio
        <textarea name="bio" rows={3} maxLength={160} value={bio} onInput={(e) => setBio(e.currentTarget.value)} />
      </label>
      <label>
        Avatar (JPEG, PNG or WebP)
        <input
          name="avatar"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          onChange={(e) => setAvatar(e.currentTarget.files?.[0] ?? null)}
        />
      </label>
      <ErrorText message={error} />
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
