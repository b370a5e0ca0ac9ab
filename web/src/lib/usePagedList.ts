// Loads a cursor-paged list from the API: first page, more on demand, an error
// message, and a fresh load when the offline banner's Retry is pressed. `lastPage`
// is the latest page as answered, for lists whose pages say more than their items
// (the feed's daily limit and nudge).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage, ApiError } from '../api/client';
import type { Page } from '../api/types';
import { reloadKey } from '../state/connection';

export interface PagedList<T, P extends Page<T> = Page<T>> {
  items: T[];
  lastPage: P | null;
  loading: boolean;
  error: string | null;
  errorStatus: number | null;
  done: boolean;
  loadMore: () => void;
  setItems: (update: (items: T[]) => T[]) => void;
}

export function usePagedList<T, P extends Page<T> = Page<T>>(
  load: (cursor?: string | null) => Promise<Page<T> & P>,
  key: string,
): PagedList<T, P> {
  const [items, setItemsState] = useState<T[]>([]);
  const [lastPage, setLastPage] = useState<P | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [errorStatus, setErrorStatus] = useState<number | null>(null);
  const cursor = useRef<string | null | undefined>(undefined);
  const inFlight = useRef(false);
  const generation = useRef(0);
  const retry = reloadKey.value;

  const fetchPage = useCallback(
    async (reset: boolean) => {
      if (inFlight.current && !reset) return;
      if (!reset && cursor.current === null) return;
      const mine = ++generation.current;
      inFlight.current = true;
      setLoading(true);
      try {
        const page = await load(reset ? undefined : cursor.current);
        if (mine !== generation.current) return;
        cursor.current = page.next_cursor ?? null;
        setItemsState((old) => (reset ? page.items : [...old, ...page.items]));
        setLastPage(page);
        setError(null);
        setErrorStatus(null);
      } catch (e) {
        if (mine !== generation.current) return;
        setError(errorMessage(e));
        setErrorStatus(e instanceof ApiError ? e.status : null);
      } finally {
        if (mine === generation.current) {
          inFlight.current = false;
          setLoading(false);
        }
      }
    },
    [key],
  );

  useEffect(() => {
    cursor.current = undefined;
    void fetchPage(true);
  }, [key, retry]);

  return {
    items,
    lastPage,
    loading,
    error,
    errorStatus,
    done: cursor.current === null,
    loadMore: () => void fetchPage(false),
    setItems: (update) => setItemsState(update),
  };
}
