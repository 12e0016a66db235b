import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export const SCOPE_PARAM = 'unit';

/**
 * The unit the user is working in, kept in the URL (`?unit=<id>`) so a shared link opens the same scope.
 * Undefined means the user's whole scope.
 */
export function useUnitScope() {
  const [params, setParams] = useSearchParams();
  const unitId = params.get(SCOPE_PARAM) ?? undefined;
  const setUnitId = useCallback(
    (id: string | undefined) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (id) next.set(SCOPE_PARAM, id);
          else next.delete(SCOPE_PARAM);
          // A new scope changes the result set: start again from its first page.
          next.delete('page');
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );
  return { unitId, setUnitId };
}

/** Appends the current scope to an in-app path so navigation keeps it. */
export function useScopedPath() {
  const [params] = useSearchParams();
  const unitId = params.get(SCOPE_PARAM);
  return useCallback(
    (path: string) => {
      if (!unitId) return path;
      const [base, query = ''] = path.split('?');
      const next = new URLSearchParams(query);
      next.set(SCOPE_PARAM, unitId);
      return `${base}?${next.toString()}`;
    },
    [unitId],
  );
}
