import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

export type FocalCoverageQuery = NonNullable<paths['/api/v1/organization/focal-officials/coverage']['get']['parameters']['query']>;

/** Upper-level unions in scope with their focal official, and the share that has one (a plan indicator). */
export async function getFocalCoverage(query: FocalCoverageQuery) {
  return unwrap(api.GET('/api/v1/organization/focal-officials/coverage', { params: { query } }));
}

export type FocalCoverage = Awaited<ReturnType<typeof getFocalCoverage>>;
export type FocalCoverageItem = FocalCoverage['items'][number];

export const getFocalCoverageQueryOptions = (query: FocalCoverageQuery) =>
  queryOptions({
    queryKey: ['organization', 'focal-officials', 'coverage', query],
    queryFn: () => getFocalCoverage(query),
  });

export function useFocalCoverage(query: FocalCoverageQuery) {
  return useQuery(getFocalCoverageQueryOptions(query));
}
