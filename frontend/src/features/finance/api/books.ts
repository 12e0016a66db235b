import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type ObligationView = components['schemas']['Finance_ObligationView'];
export type ReconciliationReport = components['schemas']['Finance_Reconciliation_ReconciliationReport'];

export function useObligations(toBeFunded: boolean) {
  return useQuery({
    queryKey: ['finance', 'obligations', toBeFunded],
    queryFn: () => unwrap(api.GET('/api/v1/finance/obligations', { params: { query: { toBeFunded } } })),
  });
}

export function useReconciliation(year?: number) {
  return useQuery({
    queryKey: ['finance', 'reconciliation', year ?? 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/finance/reconciliation', { params: { query: year ? { year } : {} } })),
  });
}
