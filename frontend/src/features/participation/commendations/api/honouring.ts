import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { fileNameOf, saveBlob } from '@/lib/api/download';
import { ApiError } from '@/lib/api/problem';
import type { components, paths } from '@/lib/api/schema';

export type HonouringEventDetail = components['schemas']['Participation_Honouring_HonouringEventDetail'];
export type HonouringEventListItem = components['schemas']['Participation_Honouring_HonouringEventListItem'];
export type HonourableDecision = components['schemas']['Participation_Honouring_HonourableDecision'];
export type HonoureeView = components['schemas']['Participation_Honouring_HonoureeView'];
export type ListHonouringEventsQuery = NonNullable<paths['/api/v1/participation/commendations/honouring-events']['get']['parameters']['query']>;

type JsonBody<T> = T extends { content: { 'application/json': infer B } } | undefined ? B : never;
export type CreateHonouringEventInput = JsonBody<paths['/api/v1/participation/commendations/honouring-events']['post']['requestBody']>;
export type UpdateHonouringEventInput = JsonBody<paths['/api/v1/participation/commendations/honouring-events/{id}']['put']['requestBody']>;

const ROOT = ['participation', 'honouring'] as const;

export function useHonouringEvents(query: ListHonouringEventsQuery) {
  return useQuery({
    queryKey: [...ROOT, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/participation/commendations/honouring-events', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useHonouringEvent(id: string) {
  return useQuery({
    queryKey: [...ROOT, 'event', id],
    queryFn: () => unwrap(api.GET('/api/v1/participation/commendations/honouring-events/{id}', { params: { path: { id } } })),
  });
}

/** The picker of the event form: the decisions the unit made that no event has honoured yet. */
export function useHonourableDecisions(unitId: string | undefined) {
  return useQuery({
    queryKey: [...ROOT, 'decisions', unitId],
    queryFn: () => unwrap(api.GET('/api/v1/participation/commendations/honourable-decisions', { params: { query: { unitId: unitId! } } })),
    enabled: !!unitId,
  });
}

export function useCreateHonouringEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ data, idempotencyKey }: { data: CreateHonouringEventInput; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/participation/commendations/honouring-events', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: data })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ROOT }),
  });
}

/** Renames, reschedules or moves the event before its day (If-Match: the event's version). */
export function useUpdateHonouringEvent(e: Pick<HonouringEventDetail, 'id' | 'version'>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (data: UpdateHonouringEventInput) =>
      unwrap(
        api.PUT('/api/v1/participation/commendations/honouring-events/{id}', {
          params: { path: { id: e.id }, header: { 'If-Match': `"${e.version}"` } },
          body: data,
        }),
      ),
    onSuccess: (saved) => {
      client.setQueryData([...ROOT, 'event', saved.id], saved);
      void client.invalidateQueries({ queryKey: [...ROOT, 'list'] });
    },
  });
}

/** Calls the event off before its day, with its certificates (If-Match: the event's version); its decisions become honourable again. */
export function useDeleteHonouringEvent(e: Pick<HonouringEventDetail, 'id' | 'version'>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/api/v1/participation/commendations/honouring-events/{id}', { params: { path: { id: e.id }, header: { 'If-Match': `"${e.version}"` } } })),
    onSuccess: () => {
      client.removeQueries({ queryKey: [...ROOT, 'event', e.id] });
      void client.invalidateQueries({ queryKey: [...ROOT, 'list'] });
      void client.invalidateQueries({ queryKey: [...ROOT, 'decisions'] });
    },
  });
}

/** Revokes one honouree's certificate (If-Match: the event's version). */
export function useRevokeHonourCertificate(e: Pick<HonouringEventDetail, 'id' | 'version'>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ certificateId, reason }: { certificateId: string; reason: string }) =>
      unwrap(
        api.POST('/api/v1/participation/commendations/honouring-events/{id}/certificates/{certificateId}/revoke', {
          params: { path: { id: e.id, certificateId }, header: { 'If-Match': `"${e.version}"` } },
          body: { reason },
        }),
      ),
    onSuccess: (saved) => {
      client.setQueryData([...ROOT, 'event', saved.id], saved);
      void client.invalidateQueries({ queryKey: [...ROOT, 'list'] });
    },
  });
}

/** The public check behind a commendation certificate's QR code (no sign-in). */
export function useVerifyHonourCertificate(code: string) {
  return useQuery({
    queryKey: [...ROOT, 'verify', code],
    queryFn: () => unwrap(api.GET('/api/v1/participation/commendations/certificates/verify/{code}', { params: { path: { code } } })),
    retry: false,
  });
}

/** The honour list (.xlsx, one sheet per form), downloaded with the bearer token. */
export async function downloadHonourList(id: string) {
  const { data, response } = await api.GET('/api/v1/participation/commendations/honouring-events/{id}/honour-list', { params: { path: { id } }, parseAs: 'blob' });
  if (!data) throw new ApiError(response.status, { status: response.status });
  saveBlob(data as Blob, fileNameOf(response, 'danh-sach-ton-vinh.xlsx'));
}

/** An honouree's certificate (PDF with its QR verification link). */
export async function downloadHonourCertificate(id: string) {
  const { data, response } = await api.GET('/api/v1/participation/commendations/certificates/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' });
  if (!data) throw new ApiError(response.status, { status: response.status });
  saveBlob(data as Blob, fileNameOf(response, 'giay-chung-nhan.pdf'));
}
