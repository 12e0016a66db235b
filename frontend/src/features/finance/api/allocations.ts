import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type AllocationDetail = components['schemas']['Finance_AllocationDetail'];
export type AllocationListItem = components['schemas']['Finance_AllocationListItem'];
export type TrancheView = components['schemas']['Finance_TrancheView'];
export type TrancheKind = components['schemas']['Finance_Domain_TrancheKind'];
export type TargetKind = components['schemas']['Finance_Domain_AllocationTargetKind'];
export type CreateAllocationInput = components['schemas']['Finance_Allocations_CreateAllocation'];

export const TARGET_KINDS: TargetKind[] = ['ResearchTopic', 'Course', 'Campaign', 'Commendation', 'InitiativeRemuneration', 'Other'];
export const TRANCHE_KINDS: TrancheKind[] = ['Advance', 'Milestone', 'Final'];

const ROOT = ['finance', 'allocations'] as const;
export const allocationKey = (id: string) => [...ROOT, 'detail', id] as const;

export function useAllocations(query: { budgetId?: string; unitId?: string; year?: number }) {
  return useQuery({
    queryKey: [...ROOT, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/finance/allocations', { params: { query } })),
  });
}

export function useAllocation(id: string) {
  return useQuery({ queryKey: allocationKey(id), queryFn: () => unwrap(api.GET('/api/v1/finance/allocations/{id}', { params: { path: { id } } })) });
}

function useRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['finance'] });
}

export function useCreateAllocation() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateAllocationInput; key: string }) =>
      unwrap(api.POST('/api/v1/finance/allocations', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: refresh,
  });
}

export function useRequestTranche(allocationId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ kind, amount, purpose, key }: { kind: TrancheKind; amount: number; purpose?: string; key: string }) =>
      unwrap(api.POST('/api/v1/finance/allocations/{allocationId}/tranches', {
        params: { path: { allocationId } },
        body: { kind, amount, purpose },
        headers: { 'Idempotency-Key': key },
      })),
    onSuccess: refresh,
  });
}

type Step = { step: 'approve' } | { step: 'reject'; reason: string } | { step: 'pay'; voucherNumber: string; paidOn: string };

/** Approve (four-eyes), reject (reversing entries) or pay a tranche; If-Match its version, money moves under an Idempotency-Key. */
export function useTrancheStep(tranche: TrancheView) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ action, key }: { action: Step; key: string }) => {
      const params = { path: { allocationId: tranche.allocationId, id: tranche.id } };
      const headers = { 'If-Match': `"${tranche.version}"`, 'Idempotency-Key': key };
      if (action.step === 'approve') return unwrap(api.POST('/api/v1/finance/allocations/{allocationId}/tranches/{id}/approve', { params, headers }));
      if (action.step === 'reject')
        return unwrap(api.POST('/api/v1/finance/allocations/{allocationId}/tranches/{id}/reject', { params, headers, body: { reason: action.reason } }));
      return unwrap(api.POST('/api/v1/finance/allocations/{allocationId}/tranches/{id}/pay', {
        params, headers, body: { voucherNumber: action.voucherNumber, paidOn: action.paidOn },
      }));
    },
    onSuccess: refresh,
  });
}

export function useSettle(allocation: AllocationDetail) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ spent, note, key }: { spent: number; note?: string; key: string }) =>
      unwrap(api.POST('/api/v1/finance/allocations/{id}/settle', {
        params: { path: { id: allocation.id } },
        body: { spent, note },
        headers: { 'If-Match': `"${allocation.version}"`, 'Idempotency-Key': key },
      })),
    onSuccess: refresh,
  });
}

export type LedgerEntryView = components['schemas']['Finance_LedgerEntryView'];

/**
 * Corrects a payment of a closed fiscal year in the unit's next open year (Luật Kế toán 2015, Điều 27 khoản 3), whole
 * or a part (amount): the server posts the correcting entries there, referencing the original, with the reason. Money moves under an Idempotency-Key.
 */
export function useCorrectClosedYearEntry(allocationId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ transactionId, reason, amount, key }: { transactionId: string; reason: string; amount?: number; key: string }) =>
      unwrap(api.POST('/api/v1/finance/allocations/{allocationId}/corrections', {
        params: { path: { allocationId } },
        body: amount === undefined ? { transactionId, reason } : { transactionId, reason, amount },
        headers: { 'Idempotency-Key': key },
      })),
    onSuccess: refresh,
  });
}
