import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export async function getPlan(id: string) {
  return unwrap(api.GET('/api/v1/organization/plans/{id}', { params: { path: { id } } }));
}

export type PlanDetail = Awaited<ReturnType<typeof getPlan>>;
export type PlanSection = PlanDetail['sections'][number];
export type PlanIndicator = PlanDetail['indicators'][number];

export const planQueryKey = (id: string) => ['organization', 'plans', 'detail', id] as const;

export const getPlanQueryOptions = (id: string) => queryOptions({ queryKey: planQueryKey(id), queryFn: () => getPlan(id) });

export function usePlan(id: string) {
  return useQuery(getPlanQueryOptions(id));
}
