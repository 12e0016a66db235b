import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type ObligationView = components['schemas']['Finance_ObligationView'];
export type ObligationSourceKind = components['schemas']['Finance_Domain_ObligationSourceKind'];

export const OBLIGATION_KINDS: ObligationSourceKind[] = ['Initiative', 'ResearchTopic', 'Commendation'];
export type ReconciliationReport = components['schemas']['Finance_Reconciliation_ReconciliationReport'];

export function useObligations(toBeFunded: boolean, sourceKind?: ObligationSourceKind) {
  return useQuery({
    queryKey: ['finance', 'obligations', toBeFunded, sourceKind ?? 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/finance/obligations', { params: { query: { toBeFunded, ...(sourceKind ? { sourceKind } : {}) } } })),
  });
}

export function useReconciliation(year?: number) {
  return useQuery({
    queryKey: ['finance', 'reconciliation', year ?? 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/finance/reconciliation', { params: { query: year ? { year } : {} } })),
  });
}
