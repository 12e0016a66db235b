import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { components, paths } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type PeriodListItem = Schemas['Organization_Reports_ReportPeriodListItem'];
export type PeriodDetail = Schemas['Organization_Reports_ReportPeriodDetail'];
export type IndicatorInput = Schemas['Organization_Reports_IndicatorInput'];
export type IndicatorKind = Schemas['Organization_Domain_IndicatorKind'];
export type Catalogue = Schemas['Organization_Reports_ReportingCatalogue'];
export type CreatePeriodInput = Schemas['Organization_Reports_CreateReportPeriod'];
export type UpdatePeriodInput = Schemas['Organization_Reports_UpdateReportPeriod'];
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

/** The period and the ETag to send back as If-Match when saving it. */
export async function getPeriodForEdit(id: string) {
  const { data, response } = await api.GET('/api/v1/organization/reports/periods/{id}', { params: { path: { id } } });
  if (!data) throw new ApiError(response.status, { status: response.status });
  return { period: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
}

export function usePeriodForEdit(id: string) {
  return useQuery({ queryKey: [...periodKeys.detail(id), 'edit'], queryFn: () => getPeriodForEdit(id), staleTime: 0 });
}

/** Saves with If-Match; `indicators` omitted keeps the template as it is. */
export function useUpdatePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, etag, data }: { id: string; etag: string; data: UpdatePeriodInput }) => {
      const result = await api.PUT('/api/v1/organization/reports/periods/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body: data });
      if (!result.data) throw new ApiError(result.response.status, { status: result.response.status });
      return result.data;
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(periodKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: periodKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['organization', 'reports', 'synthesis'] });
    },
  });
}
