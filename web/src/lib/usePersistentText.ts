// A text field's value kept in sessionStorage, so nothing typed is lost when the
// person is sent to log in, an error happens, or the page is reloaded.
import { useEffect, useState } from 'preact/hooks';

export function usePersistentText(key: string, initial = ''): [string, (value: string) => void] {
  const storageKey = `dreamfeed.typed.${key}`;
  const [value, setValue] = useState<string>(() => {
    try {
      return sessionStorage.getItem(storageKey) ?? initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      if (value) sessionStorage.setItem(storageKey, value);
      else sessionStorage.removeItem(storageKey);
    } catch {
      /* storage unavailable: the value lives in memory only */
    }
  }, [storageKey, value]);
  return [value, setValue];
}
