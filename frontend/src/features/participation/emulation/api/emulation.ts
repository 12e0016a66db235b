import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { fileNameOf, saveBlob } from '@/lib/api/download';
import { ApiError } from '@/lib/api/problem';
import type { components, paths } from '@/lib/api/schema';

export type MovementDetail = components['schemas']['Participation_Emulation_MovementDetail'];
export type MovementListItem = components['schemas']['Participation_Emulation_MovementListItem'];
export type ClusterDetail = components['schemas']['Participation_Emulation_ClusterDetail'];
export type RegistrationDetail = components['schemas']['Participation_Emulation_RegistrationDetail'];
export type RegistrationListItem = components['schemas']['Participation_Emulation_RegistrationListItem'];
export type RegistrationCriterionView = components['schemas']['Participation_Emulation_RegistrationCriterionView'];
export type RankingView = components['schemas']['Participation_Emulation_RankingView'];
export type EvidenceInput = components['schemas']['Participation_Emulation_EvidenceInput'];
export type RegistrationStatus = components['schemas']['Participation_Domain_RegistrationStatus'];
export type ListMovementsQuery = NonNullable<paths['/api/v1/participation/emulation/movements']['get']['parameters']['query']>;
export type ListRegistrationsQuery = NonNullable<paths['/api/v1/participation/emulation/registrations']['get']['parameters']['query']>;

type JsonBody<T> = T extends { content: { 'application/json': infer B } } | undefined ? B : never;
export type CreateMovementInput = JsonBody<paths['/api/v1/participation/emulation/movements']['post']['requestBody']>;
export type UpdateMovementInput = JsonBody<paths['/api/v1/participation/emulation/movements/{id}']['put']['requestBody']>;
export type CreateClusterInput = JsonBody<paths['/api/v1/participation/emulation/clusters']['post']['requestBody']>;
export type UpdateClusterInput = JsonBody<paths['/api/v1/participation/emulation/clusters/{id}']['put']['requestBody']>;
export type RegisterInput = JsonBody<paths['/api/v1/participation/emulation/registrations']['post']['requestBody']>;
export type SelfScoreInput = JsonBody<paths['/api/v1/participation/emulation/registrations/{id}/self-score']['put']['requestBody']>;
export type ReviewInput = JsonBody<paths['/api/v1/participation/emulation/registrations/{id}/review']['put']['requestBody']>;

const ROOT = ['participation', 'emulation'] as const;
const etag = (version: number) => `"${version}"`;

export function useMovements(query: ListMovementsQuery) {
  return useQuery({
    queryKey: [...ROOT, 'movements', query],
    queryFn: () => unwrap(api.GET('/api/v1/participation/emulation/movements', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useMovement(id: string | undefined) {
  return useQuery({
    queryKey: [...ROOT, 'movement', id],
    queryFn: () => unwrap(api.GET('/api/v1/participation/emulation/movements/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useClusters(year: number) {
  return useQuery({
    queryKey: [...ROOT, 'clusters', year],
    queryFn: () => unwrap(api.GET('/api/v1/participation/emulation/clusters', { params: { query: { year, pageSize: 200 } } })),
  });
}

export function useRegistrations(query: ListRegistrationsQuery, enabled = true) {
  return useQuery({
    queryKey: [...ROOT, 'registrations', query],
    queryFn: () => unwrap(api.GET('/api/v1/participation/emulation/registrations', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRegistration(id: string) {
  return useQuery({
    queryKey: [...ROOT, 'registration', id],
    queryFn: () => unwrap(api.GET('/api/v1/participation/emulation/registrations/{id}', { params: { path: { id } } })),
  });
}

export function useRanking(movementId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...ROOT, 'ranking', movementId, year],
    queryFn: () => unwrap(api.GET('/api/v1/participation/emulation/movements/{id}/ranking', { params: { path: { id: movementId! }, query: { year } } })),
    enabled: !!movementId,
  });
}

/** Recognised initiatives of a unit's subtree: the evidence picker's choices (never typed ids). */
export function useRecognisedInitiatives(unitId: string | undefined) {
  const query = { status: 'Recognised' as const, unitId, pageSize: 100 };
  return useQuery({
    queryKey: ['participation', 'initiatives', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/participation/initiatives', { params: { query } })),
    enabled: !!unitId,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ROOT });
}

export function useCreateMovement() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: ({ data, idempotencyKey }: { data: CreateMovementInput; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/participation/emulation/movements', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: data })),
    onSuccess,
  });
}

export function useUpdateMovement() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, data }: { id: string; version: number; data: UpdateMovementInput }) =>
      unwrap(api.PUT('/api/v1/participation/emulation/movements/{id}', { params: { path: { id }, header: { 'If-Match': etag(version) } }, body: data })),
    onSuccess,
  });
}

export function useCloseYear() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, year }: { id: string; version: number; year: number }) =>
      unwrap(
        api.POST('/api/v1/participation/emulation/movements/{id}/years/{year}/close', {
          params: { path: { id, year }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess,
  });
}

export function useSaveCluster() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (
      s: { kind: 'create'; data: CreateClusterInput; idempotencyKey: string } | { kind: 'update'; id: string; version: number; data: UpdateClusterInput },
    ) =>
      s.kind === 'create'
        ? unwrap(api.POST('/api/v1/participation/emulation/clusters', { params: { header: { 'Idempotency-Key': s.idempotencyKey } }, body: s.data }))
        : unwrap(
            api.PUT('/api/v1/participation/emulation/clusters/{id}', { params: { path: { id: s.id }, header: { 'If-Match': etag(s.version) } }, body: s.data }),
          ),
    onSuccess,
  });
}

export function useRegister() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: ({ data, idempotencyKey }: { data: RegisterInput; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/participation/emulation/registrations', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: data })),
    onSuccess,
  });
}

export function useScoreRegistration(r: Pick<RegistrationDetail, 'id' | 'version'>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (s: { kind: 'self'; data: SelfScoreInput } | { kind: 'review'; data: ReviewInput }) => {
      const params = { path: { id: r.id }, header: { 'If-Match': etag(r.version) } };
      return s.kind === 'self'
        ? unwrap(api.PUT('/api/v1/participation/emulation/registrations/{id}/self-score', { params, body: s.data }))
        : unwrap(api.PUT('/api/v1/participation/emulation/registrations/{id}/review', { params, body: s.data }));
    },
    onSuccess: (saved) => {
      client.setQueryData([...ROOT, 'registration', saved.id], saved);
      void client.invalidateQueries({ queryKey: ROOT });
    },
  });
}

/** The ranking of a movement's year as .xlsx, downloaded with the bearer token. */
async function downloadRanking(id: string, year: number) {
  const { data, response } = await api.GET('/api/v1/participation/emulation/movements/{id}/ranking.xlsx', {
    params: { path: { id }, query: { year } },
    parseAs: 'blob',
  });
  if (!data) throw new ApiError(response.status, { status: response.status });
  saveBlob(data as Blob, fileNameOf(response, `xep-hang-thi-dua-${year}.xlsx`));
}

/** The ranking download as a mutation, so its button shows progress while the server writes the workbook. */
export function useDownloadRanking() {
  return useMutation({ mutationFn: ({ id, year }: { id: string; year: number }) => downloadRanking(id, year) });
}
