import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** The hierarchy as it stood on a day (yyyy-MM-dd): the units that existed then, with their names and parents of then. */
export async function getUnitsAsOf(date: string) {
  return unwrap(api.GET('/api/v1/organization/units/as-of', { params: { query: { date } } }));
}

export type UnitsAsOf = Awaited<ReturnType<typeof getUnitsAsOf>>;
export type UnitAsOf = UnitsAsOf['items'][number];

export const getUnitsAsOfQueryOptions = (date: string) =>
  queryOptions({
    queryKey: ['organization', 'units', 'as-of', date],
    queryFn: () => getUnitsAsOf(date),
    placeholderData: keepPreviousData,
  });

export function useUnitsAsOf(date: string) {
  return useQuery(getUnitsAsOfQueryOptions(date));
}
