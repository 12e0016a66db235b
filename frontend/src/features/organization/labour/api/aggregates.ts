import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components, paths } from '@/lib/api/schema';

export type AggregatesQuery = NonNullable<paths['/api/v1/organization/labour/aggregates']['get']['parameters']['query']>;
export type LabourAggregates = components['schemas']['Organization_Labour_LabourAggregates'];
export type LabourAggregateRow = components['schemas']['Organization_Labour_LabourAggregateRow'];
export const GROUPINGS = ['sector', 'ownership', 'zone', 'district'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export function useLabourAggregates(query: AggregatesQuery) {
  return useQuery({
    queryKey: ['organization', 'labour', 'aggregates', query],
    queryFn: () => unwrap(api.GET('/api/v1/organization/labour/aggregates', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
