import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type BudgetDetail = components['schemas']['Finance_BudgetDetail'];
export type BudgetListItem = components['schemas']['Finance_BudgetListItem'];
export type BudgetPurpose = components['schemas']['Finance_Domain_BudgetPurpose'];
export type BudgetStatus = components['schemas']['Finance_Domain_BudgetStatus'];
export type BudgetLineInput = components['schemas']['Finance_Budgets_BudgetLineInput'];
export type FundingSourceView = components['schemas']['Finance_FundingSourceView'];
export type FundingSourceKind = components['schemas']['Finance_Domain_FundingSourceKind'];

export const PURPOSES: BudgetPurpose[] = ['ResearchTopics', 'Training', 'Awareness', 'EmulationAndAwards', 'InitiativeRemuneration', 'Operations'];

const ROOT = ['finance', 'budgets'] as const;
export const budgetKey = (id: string) => [...ROOT, 'detail', id] as const;

export function useBudgets(query: { unitId?: string; year?: number; status?: BudgetStatus }) {
  return useQuery({
    queryKey: [...ROOT, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/finance/budgets', { params: { query } })),
  });
}

export function useBudget(id: string) {
  return useQuery({ queryKey: budgetKey(id), queryFn: () => unwrap(api.GET('/api/v1/finance/budgets/{id}', { params: { path: { id } } })) });
}

export function useSources(unitId?: string) {
  return useQuery({
    queryKey: ['finance', 'sources', unitId ?? 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/finance/sources', { params: { query: unitId ? { unitId } : {} } })),
    enabled: unitId !== '',
  });
}

function useRefresh() {
  const client = useQueryClient();
  return (budget: BudgetDetail) => {
    client.setQueryData(budgetKey(budget.id), budget);
    void client.invalidateQueries({ queryKey: ['finance'] });
  };
}

export function useCreateBudget() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ body, key }: { body: { unitId: string; year: number; note?: string; lines: BudgetLineInput[] }; key: string }) =>
      unwrap(api.POST('/api/v1/finance/budgets', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: refresh,
  });
}

export function useUpdateBudget(budget: BudgetDetail) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (lines: BudgetLineInput[]) =>
      unwrap(api.PUT('/api/v1/finance/budgets/{id}', {
        params: { path: { id: budget.id } },
        body: { note: budget.note ?? undefined, lines },
        headers: { 'If-Match': `"${budget.version}"` },
      })),
    onSuccess: refresh,
  });
}

/** Submit (the unit) or approve (the unit above; a money-moving POST under an Idempotency-Key). */
export function useBudgetStep(budget: BudgetDetail) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ step, key }: { step: 'submit' | 'approve'; key: string }) =>
      step === 'submit'
        ? unwrap(api.POST('/api/v1/finance/budgets/{id}/submit', { params: { path: { id: budget.id } }, headers: { 'If-Match': `"${budget.version}"` } }))
        : unwrap(api.POST('/api/v1/finance/budgets/{id}/approve', {
            params: { path: { id: budget.id } },
            headers: { 'If-Match': `"${budget.version}"`, 'Idempotency-Key': key },
          })),
    onSuccess: refresh,
  });
}

export type BudgetAdjustmentView = components['schemas']['Finance_BudgetAdjustmentView'];

/** Proposes an adjustment (a new version with a reason) of an approved budget; the unit above approves it. */
export function useProposeAdjustment(budget: BudgetDetail) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ reason, lines, key }: { reason: string; lines: BudgetLineInput[]; key: string }) =>
      unwrap(api.POST('/api/v1/finance/budgets/{id}/adjustments', {
        params: { path: { id: budget.id } },
        body: { reason, lines },
        headers: { 'Idempotency-Key': key },
      })),
    onSuccess: refresh,
  });
}

/** Approves an adjustment (the unit above, never its proposer): a money-moving POST under an Idempotency-Key, If-Match its version. */
export function useApproveAdjustment(budget: BudgetDetail) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ adjustment, key }: { adjustment: BudgetAdjustmentView; key: string }) =>
      unwrap(api.POST('/api/v1/finance/budgets/{id}/adjustments/{adjustmentId}/approve', {
        params: { path: { id: budget.id, adjustmentId: adjustment.id } },
        headers: { 'If-Match': `"${adjustment.version}"`, 'Idempotency-Key': key },
      })),
    onSuccess: refresh,
  });
}
