import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/problem';
import { api } from '@/lib/api/client';

/** The official and the ETag to send back as If-Match when saving. */
export async function getOfficial(id: string) {
  const { data, response } = await api.GET('/api/v1/organization/officials/{id}', { params: { path: { id } } });
  if (!data) throw new ApiError(response.status, { status: response.status });
  const etag = response.headers.get('ETag') ?? `"${data.version}"`;
  return { official: data, etag };
}

export type OfficialWithEtag = Awaited<ReturnType<typeof getOfficial>>;
export type OfficialDetail = OfficialWithEtag['official'];
export type PoliticalTheory = OfficialDetail['politicalTheory'];

export const officialQueryKey = (id: string) => ['organization', 'officials', 'detail', id] as const;

export const getOfficialQueryOptions = (id: string) =>
  queryOptions({ queryKey: officialQueryKey(id), queryFn: () => getOfficial(id) });

export function useOfficial(id: string) {
  return useQuery(getOfficialQueryOptions(id));
}
