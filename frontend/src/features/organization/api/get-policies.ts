import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

export type GetPoliciesQuery = NonNullable<paths['/api/v1/organization/policies']['get']['parameters']['query']>;

export async function getPolicies(query: GetPoliciesQuery) {
  return unwrap(api.GET('/api/v1/organization/policies', { params: { query } }));
}

export type PolicyPage = Awaited<ReturnType<typeof getPolicies>>;
export type PolicyListItem = PolicyPage['items'][number];

export const getPoliciesQueryOptions = (query: GetPoliciesQuery) =>
  queryOptions({
    queryKey: ['organization', 'policies', 'list', query],
    queryFn: () => getPolicies(query),
    placeholderData: keepPreviousData,
  });

export function usePolicies(query: GetPoliciesQuery) {
  return useQuery(getPoliciesQueryOptions(query));
}
