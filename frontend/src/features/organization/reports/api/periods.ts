import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components, paths } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type PeriodListItem = Schemas['Organization_Reports_ReportPeriodListItem'];
export type PeriodDetail = Schemas['Organization_Reports_ReportPeriodDetail'];
export type IndicatorInput = Schemas['Organization_Reports_IndicatorInput'];
export type IndicatorKind = Schemas['Organization_Domain_IndicatorKind'];
export type Catalogue = Schemas['Organization_Reports_ReportingCatalogue'];
export type CreatePeriodInput = Schemas['Organization_Reports_CreateReportPeriod'];
export type GetPeriodsQuery = NonNullable<paths['/api/v1/organization/reports/periods']['get']['parameters']['query']>;

export const periodKeys = {
  all: ['organization', 'reports', 'periods'] as const,
  list: (query: GetPeriodsQuery) => ['organization', 'reports', 'periods', 'list', query] as const,
  detail: (id: string) => ['organization', 'reports', 'periods', 'detail', id] as const,
};

export const periodsQueryOptions = (query: GetPeriodsQuery) =>
  queryOptions({
    queryKey: periodKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/organization/reports/periods', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export function usePeriods(query: GetPeriodsQuery) {
  return useQuery(periodsQueryOptions(query));
}

export const periodQueryOptions = (id: string) =>
  queryOptions({
    queryKey: periodKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/organization/reports/periods/{id}', { params: { path: { id } } })),
  });

export function usePeriod(id: string) {
  return useQuery(periodQueryOptions(id));
}

export function useCatalogue() {
  return useQuery({
    queryKey: ['organization', 'reports', 'catalogue'],
    queryFn: () => unwrap(api.GET('/api/v1/organization/reports/catalogue')),
    staleTime: 10 * 60_000,
  });
}

export function useCreatePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePeriodInput) =>
      unwrap(
        api.POST('/api/v1/organization/reports/periods', {
          params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
          body,
        }),
      ),
    onSuccess: (created) => {
      queryClient.setQueryData(periodKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: periodKeys.all });
    },
  });
}
