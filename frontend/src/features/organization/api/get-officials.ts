import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

export type GetOfficialsQuery = NonNullable<paths['/api/v1/organization/officials']['get']['parameters']['query']>;

export async function getOfficials(query: GetOfficialsQuery) {
  return unwrap(api.GET('/api/v1/organization/officials', { params: { query } }));
}

export type OfficialPage = Awaited<ReturnType<typeof getOfficials>>;
export type OfficialListItem = OfficialPage['items'][number];

export const getOfficialsQueryOptions = (query: GetOfficialsQuery) =>
  queryOptions({
    queryKey: ['organization', 'officials', 'list', query],
    queryFn: () => getOfficials(query),
    placeholderData: keepPreviousData,
  });

export function useOfficials(query: GetOfficialsQuery, enabled = true) {
  return useQuery({ ...getOfficialsQueryOptions(query), enabled });
}
