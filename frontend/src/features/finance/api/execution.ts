import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { components, paths } from '@/lib/api/schema';
import { fileNameOf, saveBlob } from '@/lib/api/download';

export type BudgetExecutionReport = components['schemas']['Finance_Reports_BudgetExecutionReport'];
export type BudgetExecutionRow = components['schemas']['Finance_Reports_BudgetExecutionRow'];
export type BudgetExecutionTotal = components['schemas']['Finance_Reports_BudgetExecutionTotal'];
export type ExecutionQuery = NonNullable<paths['/api/v1/finance/budget-execution']['get']['parameters']['query']>;

/** Drops the filters left empty, so the query string carries only what was chosen. */
const chosen = (query: ExecutionQuery): ExecutionQuery =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')) as ExecutionQuery;

export function useBudgetExecution(query: ExecutionQuery) {
  return useQuery({
    queryKey: ['finance', 'execution', query],
    queryFn: () => unwrap(api.GET('/api/v1/finance/budget-execution', { params: { query: chosen(query) } })),
    placeholderData: keepPreviousData,
  });
}

/** Downloads the execution report with the bearer token (a plain link would not carry it) and saves it as a file. */
export function useDownloadBudgetExecution() {
  return useMutation({
    mutationFn: async (query: ExecutionQuery) => {
      const { data, response } = await api.GET('/api/v1/finance/budget-execution.xlsx', { params: { query: chosen(query) }, parseAs: 'blob' });
      if (!data) throw new ApiError(response.status, { status: response.status });
      saveBlob(data as Blob, fileNameOf(response, 'thuc-hien-du-toan.xlsx'));
    },
  });
}
