import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type SearchResults = components['schemas']['Platform_Search_SearchResults'];
export type SearchHit = SearchResults['items'][number];
export type SearchMark = SearchHit['titleMarks'][number];

/** The kinds the API indexes, in the order the results page lists them. */
export const SEARCH_KINDS = ['policy', 'plan', 'implementation-plan', 'unit', 'campaign', 'course', 'topic', 'initiative', 'movement'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const PAGE_SIZE = 20;

export interface SearchParams {
  q: string;
  kind?: string;
  page: number;
}

export const searchKey = (p: SearchParams) => ['search', p.q, p.kind ?? '', p.page] as const;

/** The caller's hits (the API applies their scope); nothing is asked until the query has a letter or digit. */
export function useSearch(p: SearchParams) {
  return useQuery({
    queryKey: searchKey(p),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/search', {
          params: { query: { q: p.q, kind: p.kind || undefined, page: p.page, pageSize: PAGE_SIZE } },
        }),
      ),
    enabled: /[\p{L}\p{N}]/u.test(p.q),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
