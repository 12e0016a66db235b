import { keepPreviousData, queryOptions, useQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths, components } from '@/lib/api/schema';
import { ApiError } from '@/lib/api/problem';

export type GetOfficialsQuery = NonNullable<paths['/api/v1/organization/officials']['get']['parameters']['query']>;

export async function getOfficials(query: GetOfficialsQuery) {
  return unwrap(api.GET('/api/v1/organization/officials', { params: { query } }));
}

export type OfficialPage = Awaited<ReturnType<typeof getOfficials>>;
export type OfficialListItem = OfficialPage['items'][number];

export const getOfficialsQueryOptions = (query: GetOfficialsQuery) =>
  queryOptions({
    queryKey: ['organization', 'officials', 'list', query],
    queryFn: () => getOfficials(query),
    placeholderData: keepPreviousData,
  });

export function useOfficials(query: GetOfficialsQuery, enabled = true) {
  return useQuery({ ...getOfficialsQueryOptions(query), enabled });
}

/** The official and the ETag to send back as If-Match when saving. */
export async function getOfficial(id: string) {
  const { data, response } = await api.GET('/api/v1/organization/officials/{id}', { params: { path: { id } } });
  if (!data) throw new ApiError(response.status, { status: response.status });
  const etag = response.headers.get('ETag') ?? `"${data.version}"`;
  return { official: data, etag };
}

export type OfficialWithEtag = Awaited<ReturnType<typeof getOfficial>>;
export type OfficialDetail = OfficialWithEtag['official'];
export type PoliticalTheory = OfficialDetail['politicalTheory'];

export const officialQueryKey = (id: string) => ['organization', 'officials', 'detail', id] as const;

export const getOfficialQueryOptions = (id: string) =>
  queryOptions({ queryKey: officialQueryKey(id), queryFn: () => getOfficial(id) });

export function useOfficial(id: string) {
  return useQuery(getOfficialQueryOptions(id));
}

export type CreateOfficialInput =
  paths['/api/v1/organization/officials']['post']['requestBody'] extends { content: { 'application/json': infer B } } | undefined
    ? B
    : never;

/** The idempotency key stays the same across retries of one submission, so a retry never creates twice. */
export async function createOfficial({ data, idempotencyKey }: { data: CreateOfficialInput; idempotencyKey: string }) {
  const result = await api.POST('/api/v1/organization/officials', {
    params: { header: { 'Idempotency-Key': idempotencyKey } },
    body: data,
  });
  if (!result.data) throw new ApiError(result.response.status, { status: result.response.status });
  return result.data;
}

export function useCreateOfficial() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOfficial,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization', 'officials'] }),
  });
}

export type UpdateOfficialInput =
  paths['/api/v1/organization/officials/{id}']['put']['requestBody'] extends { content: { 'application/json': infer B } } | undefined
    ? B
    : never;

/** Saves with If-Match, so a change made by someone else in between comes back as 412 instead of being lost. */
export async function updateOfficial({ id, etag, data }: { id: string; etag: string; data: UpdateOfficialInput }) {
  const result = await api.PUT('/api/v1/organization/officials/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body: data,
  });
  if (!result.data) throw new ApiError(result.response.status, { status: result.response.status });
  return { official: result.data, etag: result.response.headers.get('ETag') ?? `"${result.data.version}"` };
}

export function useUpdateOfficial() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOfficial,
    onSuccess: (saved) => {
      queryClient.setQueryData(officialQueryKey(saved.official.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['organization', 'officials'], refetchType: 'active' });
      // Names appear in the focal-official card and the coverage report.
      void queryClient.invalidateQueries({ queryKey: ['organization', 'focal-officials'] });
    },
  });
}

export type OfficialTraining = components['schemas']['Organization_Officials_OfficialTrainingItem'];

/** The courses an official completed (kept from the Training module's TrainingCompleted events), newest first. */
export function useOfficialTrainings(officialId: string) {
  return useQuery({
    queryKey: ['organization', 'officials', 'trainings', officialId],
    queryFn: () => unwrap(api.GET('/api/v1/organization/officials/{id}/trainings', { params: { path: { id: officialId } } })),
  });
}

/** Levels of political-theory training, lowest first. */
export const POLITICAL_THEORY_LEVELS = [
  'None',
  'Elementary',
  'Intermediate',
  'Advanced',
  'Bachelor',
] as const satisfies readonly PoliticalTheory[];
