import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** A unit's current KH,CN&ĐMST focal official and every assignment, newest first (the current one included). */
export async function getFocalOfficials(unitId: string) {
  return unwrap(api.GET('/api/v1/organization/units/{id}/focal-officials', { params: { path: { id: unitId } } }));
}

export type FocalOfficials = Awaited<ReturnType<typeof getFocalOfficials>>;
export type FocalAssignment = FocalOfficials['history'][number];

export const focalOfficialsQueryKey = (unitId: string) => ['organization', 'focal-officials', 'unit', unitId] as const;

export const getFocalOfficialsQueryOptions = (unitId: string) =>
  queryOptions({ queryKey: focalOfficialsQueryKey(unitId), queryFn: () => getFocalOfficials(unitId) });

export function useFocalOfficials(unitId: string, enabled: boolean) {
  return useQuery({ ...getFocalOfficialsQueryOptions(unitId), enabled });
}
