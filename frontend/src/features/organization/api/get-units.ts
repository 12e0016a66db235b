import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

export type GetUnitsQuery = NonNullable<paths['/api/v1/organization/units']['get']['parameters']['query']>;

export async function getUnits(query: GetUnitsQuery) {
  return unwrap(api.GET('/api/v1/organization/units', { params: { query } }));
}

export type UnitPage = Awaited<ReturnType<typeof getUnits>>;
export type UnitListItem = UnitPage['items'][number];
export type UnitKind = UnitListItem['kind'];

export const getUnitsQueryOptions = (query: GetUnitsQuery) =>
  queryOptions({
    queryKey: ['organization', 'units', 'list', query],
    queryFn: () => getUnits(query),
    placeholderData: keepPreviousData,
  });

export function useUnits(query: GetUnitsQuery) {
  return useQuery(getUnitsQueryOptions(query));
}
