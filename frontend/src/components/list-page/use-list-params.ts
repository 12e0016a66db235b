import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface ListParams<F extends string> {
  page: number;
  pageSize: number;
  /** `name` ascending, `-name` descending. */
  sort: string;
  q: string;
  filters: Record<F, string | undefined>;
}

export interface ListParamsOptions<F extends string> {
  defaultSort: string;
  defaultPageSize?: number;
  filterKeys?: readonly F[];
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;

/**
 * Paging, sorting, search and filters of a list, read from and written to the URL search params,
 * so the browser's back button and a shared link restore the same view. Defaults are left out of the URL.
 */
export function useListParams<F extends string = never>({
  defaultSort,
  defaultPageSize = 20,
  filterKeys = [],
}: ListParamsOptions<F>) {
  const [searchParams, setSearchParams] = useSearchParams();

  const params = useMemo<ListParams<F>>(() => {
    const page = Number(searchParams.get('page'));
    const pageSize = Number(searchParams.get('pageSize'));
    const filters = {} as Record<F, string | undefined>;
    for (const key of filterKeys) filters[key] = searchParams.get(key) || undefined;
    return {
      page: Number.isInteger(page) && page > 0 ? page : 1,
      pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : defaultPageSize,
      sort: searchParams.get('sort') || defaultSort,
      q: searchParams.get('q') ?? '',
      filters,
    };
    // filterKeys is a constant list per screen
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchParams, defaultSort, defaultPageSize]);

  const update = useCallback(
    (changes: Partial<Record<'page' | 'pageSize' | 'sort' | 'q' | F, string | number | undefined>>) => {
      setSearchParams((prev) => {
        const next = new URLSearchParams(prev);
        const defaults: Record<string, string> = { page: '1', pageSize: String(defaultPageSize), sort: defaultSort, q: '' };
        for (const [key, raw] of Object.entries(changes)) {
          const value = raw === undefined || raw === null ? '' : String(raw);
          if (value === '' || defaults[key] === value) next.delete(key);
          else next.set(key, value);
        }
        // Anything but a page change produces a different result set: go back to its first page.
        if (!('page' in changes)) next.delete('page');
        return next;
      });
    },
    [setSearchParams, defaultPageSize, defaultSort],
  );

  const reset = useCallback(() => {
    update({ q: undefined, ...Object.fromEntries(filterKeys.map((k) => [k, undefined])) } as Parameters<typeof update>[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [update]);

  const isFiltered = params.q !== '' || filterKeys.some((k) => params.filters[k] !== undefined);

  return { params, update, reset, isFiltered };
}
