import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { components, paths } from '@/lib/api/schema';

export type GetEnterprisesQuery = NonNullable<paths['/api/v1/organization/enterprises']['get']['parameters']['query']>;
export type EnterpriseListItem = components['schemas']['Organization_Labour_EnterpriseListItem'];
export type EnterpriseDetail = components['schemas']['Organization_Labour_EnterpriseDetail'];
export type YearFigures = components['schemas']['Organization_Labour_YearFiguresView'];
export type Ownership = components['schemas']['Organization_Domain_Ownership'];
export type Sector = components['schemas']['Organization_Domain_Sector'];

type JsonBody<T> = T extends { content: { 'application/json': infer B } } | undefined ? B : never;
export type CreateEnterpriseInput = JsonBody<paths['/api/v1/organization/enterprises']['post']['requestBody']>;
export type UpdateEnterpriseInput = JsonBody<paths['/api/v1/organization/enterprises/{id}']['put']['requestBody']>;
export type YearFiguresInput = JsonBody<paths['/api/v1/organization/enterprises/{id}/figures/{year}']['put']['requestBody']>;

const LIST_KEY = ['organization', 'labour', 'enterprises', 'list'] as const;
export const enterpriseQueryKey = (id: string) => ['organization', 'labour', 'enterprises', 'detail', id] as const;

export const getEnterprisesQueryOptions = (query: GetEnterprisesQuery) =>
  queryOptions({
    queryKey: [...LIST_KEY, query],
    queryFn: () => unwrap(api.GET('/api/v1/organization/enterprises', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export function useEnterprises(query: GetEnterprisesQuery) {
  return useQuery(getEnterprisesQueryOptions(query));
}

/** The enterprise and the ETag to send back as If-Match when saving it. */
export async function getEnterprise(id: string) {
  const { data, response } = await api.GET('/api/v1/organization/enterprises/{id}', { params: { path: { id } } });
  if (!data) throw new ApiError(response.status, { status: response.status });
  return { enterprise: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
}

export function useEnterprise(id: string) {
  return useQuery({ queryKey: enterpriseQueryKey(id), queryFn: () => getEnterprise(id) });
}

function useSaved() {
  const queryClient = useQueryClient();
  return (saved: { enterprise: EnterpriseDetail; etag: string }) => {
    queryClient.setQueryData(enterpriseQueryKey(saved.enterprise.id), saved);
    void queryClient.invalidateQueries({ queryKey: LIST_KEY });
    void queryClient.invalidateQueries({ queryKey: ['organization', 'labour', 'aggregates'] });
  };
}

const withEtag = (data: EnterpriseDetail | undefined, response: Response) => {
  if (!data) throw new ApiError(response.status, { status: response.status });
  return { enterprise: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
};

export function useCreateEnterprise() {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: async ({ data, idempotencyKey }: { data: CreateEnterpriseInput; idempotencyKey: string }) => {
      const { data: created, response } = await api.POST('/api/v1/organization/enterprises', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body: data,
      });
      return withEtag(created, response);
    },
    onSuccess,
  });
}

/** Saves with If-Match, so a change made by someone else in between comes back as 412 instead of being lost. */
export function useUpdateEnterprise() {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: async ({ id, etag, data }: { id: string; etag: string; data: UpdateEnterpriseInput }) => {
      const { data: saved, response } = await api.PUT('/api/v1/organization/enterprises/{id}', {
        params: { path: { id }, header: { 'If-Match': etag } },
        body: data,
      });
      return withEtag(saved, response);
    },
    onSuccess,
  });
}

/** Creates or replaces one year's figures. */
export function usePutYearFigures() {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: async ({ id, year, data }: { id: string; year: number; data: YearFiguresInput }) => {
      const { data: saved, response } = await api.PUT('/api/v1/organization/enterprises/{id}/figures/{year}', {
        params: { path: { id, year } },
        body: data,
      });
      return withEtag(saved, response);
    },
    onSuccess,
  });
}

export function useDeleteYearFigures() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, year }: { id: string; year: number }) => {
      const { response } = await api.DELETE('/api/v1/organization/enterprises/{id}/figures/{year}', { params: { path: { id, year } } });
      if (!response.ok) throw new ApiError(response.status, { status: response.status });
    },
    onSuccess: (_data, { id }) => {
      void queryClient.invalidateQueries({ queryKey: enterpriseQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: LIST_KEY });
      void queryClient.invalidateQueries({ queryKey: ['organization', 'labour', 'aggregates'] });
    },
  });
}
