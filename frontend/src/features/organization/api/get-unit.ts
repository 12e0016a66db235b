import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';

/** The unit and the ETag to send back as If-Match when saving it. */
export async function getUnit(id: string) {
  const { data, response } = await api.GET('/api/v1/organization/units/{id}', { params: { path: { id } } });
  if (!data) throw new ApiError(response.status, { status: response.status });
  const etag = response.headers.get('ETag') ?? `"${data.version}"`;
  return { unit: data, etag };
}

export type UnitWithEtag = Awaited<ReturnType<typeof getUnit>>;
export type UnitDetail = UnitWithEtag['unit'];

export const unitQueryKey = (id: string) => ['organization', 'units', 'detail', id] as const;

export const getUnitQueryOptions = (id: string) => queryOptions({ queryKey: unitQueryKey(id), queryFn: () => getUnit(id) });

export function useUnit(id: string) {
  return useQuery(getUnitQueryOptions(id));
}
