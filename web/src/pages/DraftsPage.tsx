// The signed-in person's private drafts, to open, publish or delete; also where
// they see who they are signed in as and log out.
import { endpoints } from '../api/endpoints';
import { ClipGrid } from '../components/ClipGrid';
import { ErrorText } from '../components/ErrorText';
import { usePagedList } from '../lib/usePagedList';
import { navigate } from '../lib/navigate';
import { currentUser, loggedIn, loginPath, logOut, sessionKnown } from '../state/session';

function SignedInAs() {
  const me = currentUser.value;
  if (!me) return null;
  const signOut = async () => {
    await logOut();
    navigate('/');
  };
  return (
    <p class="row">
      <span>
        Signed in as <a href={`/@${encodeURIComponent(me.handle)}`}>@{me.handle}</a>
      </span>
      <button type="button" onClick={signOut}>
        Log out
      </button>
    </p>
  );
}

function DraftList() {
  const list = usePagedList(() => endpoints.drafts(), 'drafts');
  if (list.loading && list.items.length === 0) return <p>Loading drafts…</p>;
  if (list.error) return <ErrorText message={list.error} />;
  if (list.items.length === 0) {
    return (
      <p>
        No drafts. <a href="/create">Create a clip</a>.
      </p>
    );
  }
  return <ClipGrid videos={list.items} label="Drafts" />;
}

export function DraftsPage() {
  return (
    <main class="page">
      <h1>Drafts</h1>
      {sessionKnown.value && !loggedIn.value ? (
        <p>
          <a href={loginPath()}>Log in</a> to see your drafts.
        </p>
      ) : sessionKnown.value ? (
        <>
          <SignedInAs />
          <DraftList />
        </>
      ) : null}
    </main>
  );
}
