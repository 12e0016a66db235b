import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

export type GetPlansQuery = NonNullable<paths['/api/v1/organization/plans']['get']['parameters']['query']>;

export async function getPlans(query: GetPlansQuery) {
  return unwrap(api.GET('/api/v1/organization/plans', { params: { query } }));
}

export type PlanPage = Awaited<ReturnType<typeof getPlans>>;
export type PlanListItem = PlanPage['items'][number];

export const getPlansQueryOptions = (query: GetPlansQuery) =>
  queryOptions({
    queryKey: ['organization', 'plans', 'list', query],
    queryFn: () => getPlans(query),
    placeholderData: keepPreviousData,
  });

export function usePlans(query: GetPlansQuery) {
  return useQuery(getPlansQueryOptions(query));
}
