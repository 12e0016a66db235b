import { keepPreviousData, queryOptions, useQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';
import { ApiError } from '@/lib/api/problem';

export type GetUnitsQuery = NonNullable<paths['/api/v1/organization/units']['get']['parameters']['query']>;

export async function getUnits(query: GetUnitsQuery) {
  return unwrap(api.GET('/api/v1/organization/units', { params: { query } }));
}

export type UnitPage = Awaited<ReturnType<typeof getUnits>>;
export type UnitListItem = UnitPage['items'][number];

export const getUnitsQueryOptions = (query: GetUnitsQuery) =>
  queryOptions({
    queryKey: ['organization', 'units', 'list', query],
    queryFn: () => getUnits(query),
    placeholderData: keepPreviousData,
  });

export function useUnits(query: GetUnitsQuery) {
  return useQuery(getUnitsQueryOptions(query));
}

/** The unit and the ETag to send back as If-Match when saving it. */
export async function getUnit(id: string) {
  const { data, response } = await api.GET('/api/v1/organization/units/{id}', { params: { path: { id } } });
  if (!data) throw new ApiError(response.status, { status: response.status });
  const etag = response.headers.get('ETag') ?? `"${data.version}"`;
  return { unit: data, etag };
}

export type UnitWithEtag = Awaited<ReturnType<typeof getUnit>>;
export type UnitDetail = UnitWithEtag['unit'];

export const unitQueryKey = (id: string) => ['organization', 'units', 'detail', id] as const;

export const getUnitQueryOptions = (id: string) => queryOptions({ queryKey: unitQueryKey(id), queryFn: () => getUnit(id) });

export function useUnit(id: string) {
  return useQuery(getUnitQueryOptions(id));
}

export type CreateUnitInput =
  paths['/api/v1/organization/units']['post']['requestBody'] extends { content: { 'application/json': infer B } } | undefined
    ? B
    : never;

/** The idempotency key stays the same across retries of one submission, so a retry never creates twice. */
export async function createUnit({ data, idempotencyKey }: { data: CreateUnitInput; idempotencyKey: string }) {
  const result = await api.POST('/api/v1/organization/units', {
    params: { header: { 'Idempotency-Key': idempotencyKey } },
    body: data,
  });
  if (!result.data) throw new ApiError(result.response.status, { status: result.response.status });
  return result.data;
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization', 'units'] }),
  });
}

export type UpdateUnitInput =
  paths['/api/v1/organization/units/{id}']['put']['requestBody'] extends { content: { 'application/json': infer B } } | undefined
    ? B
    : never;

/** Saves with If-Match, so a change made by someone else in between comes back as 412 instead of being lost. */
export async function updateUnit({ id, etag, data }: { id: string; etag: string; data: UpdateUnitInput }) {
  const result = await api.PUT('/api/v1/organization/units/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body: data,
  });
  if (!result.data) throw new ApiError(result.response.status, { status: result.response.status });
  return { unit: result.data, etag: result.response.headers.get('ETag') ?? `"${result.data.version}"` };
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUnit,
    onSuccess: (saved) => {
      queryClient.setQueryData(unitQueryKey(saved.unit.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['organization', 'units'], refetchType: 'active' });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** The hierarchy as it stood on a day (yyyy-MM-dd): the units that existed then, with their names and parents of then. */
export async function getUnitsAsOf(date: string) {
  return unwrap(api.GET('/api/v1/organization/units/as-of', { params: { query: { date } } }));
}

export type UnitsAsOf = Awaited<ReturnType<typeof getUnitsAsOf>>;
export type UnitAsOf = UnitsAsOf['items'][number];

export const getUnitsAsOfQueryOptions = (date: string) =>
  queryOptions({
    queryKey: ['organization', 'units', 'as-of', date],
    queryFn: () => getUnitsAsOf(date),
    placeholderData: keepPreviousData,
  });

export function useUnitsAsOf(date: string) {
  return useQuery(getUnitsAsOfQueryOptions(date));
}
