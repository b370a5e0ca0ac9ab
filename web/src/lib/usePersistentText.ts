// A text field's value kept in sessionStorage, so nothing typed is lost when the
// person is sent to log in, an error happens, or the page is reloaded. Storage is
// written in the setter, not in an effect, so a reload straight after clearing the
// field (a comment just posted) cannot bring the old text back.
import { useCallback, useState } from 'preact/hooks';

export function usePersistentText(key: string, initial = ''): [string, (value: string) => void] {
  const storageKey = `dreamfeed.typed.${key}`;
  const [value, setValue] = useState<string>(() => {
    try {
      return sessionStorage.getItem(storageKey) ?? initial;
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (next: string) => {
      setValue(next);
      try {
        if (next) sessionStorage.setItem(storageKey, next);
        else sessionStorage.removeItem(storageKey);
      } catch {
        /* storage unavailable: the value lives in memory only */
      }
    },
    [storageKey],
  );
  return [value, set];
}
