import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export async function getUnitHistory(unitId: string) {
  return unwrap(
    api.GET('/api/v1/audit', { params: { query: { entityType: 'UnionUnit', entityId: unitId, page: 1, pageSize: 20 } } }),
  );
}

export type AuditEntry = Awaited<ReturnType<typeof getUnitHistory>>['items'][number];

export const getUnitHistoryQueryOptions = (unitId: string) =>
  queryOptions({ queryKey: ['audit', 'UnionUnit', unitId], queryFn: () => getUnitHistory(unitId) });

export function useUnitHistory(unitId: string, enabled: boolean) {
  return useQuery({ ...getUnitHistoryQueryOptions(unitId), enabled });
}
