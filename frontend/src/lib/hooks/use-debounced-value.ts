import { useEffect, useState } from 'react';

/**
 * The value once it has stopped changing for `delay` ms, and whether a newer value is still waiting.
 * Server-searched pickers ask once the user pauses instead of once per keystroke, and show "loading" meanwhile,
 * so the options on screen never belong to an older query than the one typed.
 */
export function useDebouncedValue<T>(value: T, delay = 300): [debounced: T, pending: boolean] {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    if (Object.is(value, debounced)) return;
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, debounced, delay]);
  return [debounced, !Object.is(value, debounced)];
}
