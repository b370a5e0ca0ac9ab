// A list of people (followers or following) linking to their profiles.
import { endpoints } from '../api/endpoints';
import { displayName } from '../lib/format';
import { usePagedList } from '../lib/usePagedList';
import { Avatar } from './Avatar';
import { ErrorText } from './ErrorText';

export function PeopleList({ handle, which }: { handle: string; which: 'followers' | 'following' }) {
  const list = usePagedList(() => endpoints[which](handle), `${which}:${handle}`);
  return (
    <section aria-label={which === 'followers' ? 'Followers' : 'Following'} class="people">
      <ErrorText message={list.error} />
      {!list.loading && list.items.length === 0 && !list.error && <p class="hint">Nobody yet.</p>}
      <ul>
        {list.items.map((person) => (
          <li key={person.id}>
            <a href={`/@${encodeURIComponent(person.handle)}`}>
              <Avatar user={person} size={32} /> {displayName(person)} <span class="hint">@{person.handle}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
