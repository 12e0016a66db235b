import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { components, paths } from '@/lib/api/schema';
import { saveBlob } from '@/lib/api/download';
import { uploadWithProgress } from '@/lib/api/upload-with-progress';

export type ListInitiativesQuery = NonNullable<paths['/api/v1/participation/initiatives']['get']['parameters']['query']>;
export type InitiativeListItem = components['schemas']['Participation_Initiatives_InitiativeListItem'];
export type InitiativeDetail = components['schemas']['Participation_Initiatives_InitiativeDetail'];
export type InitiativeStatus = components['schemas']['Participation_Domain_InitiativeStatus'];
export type InitiativeKind = components['schemas']['Participation_Domain_InitiativeKind'];
export type RecognitionCondition = components['schemas']['Participation_Domain_RecognitionCondition'];
export type RemunerationView = components['schemas']['Participation_Initiatives_RemunerationView'];
export type ConditionCheckInput = components['schemas']['Participation_Initiatives_ConditionCheckInput'];
export type SimilarInitiative = components['schemas']['Participation_Initiatives_SimilarInitiative'];
export type InitiativeAttachment = components['schemas']['Participation_Initiatives_InitiativeAttachmentView'];

type JsonBody<T> = T extends { content: { 'application/json': infer B } } | undefined ? B : never;
export type CreateInitiativeInput = JsonBody<paths['/api/v1/participation/initiatives']['post']['requestBody']>;
export type UpdateInitiativeInput = JsonBody<paths['/api/v1/participation/initiatives/{id}']['put']['requestBody']>;

export const STATUSES: InitiativeStatus[] = ['Draft', 'Submitted', 'UnderReview', 'Recognised', 'NotRecognised', 'Withdrawn'];
export const KINDS: InitiativeKind[] = ['Technical', 'Management', 'WorkMethod', 'TechnicalProgressApplication'];
export const CONDITIONS: RecognitionCondition[] = ['NewWithinUnit', 'AppliedInUnit', 'BringsBenefit', 'NotExcluded'];

const ROOT = ['participation', 'initiatives'] as const;
const LIST_KEY = [...ROOT, 'list'] as const;
export const initiativeQueryKey = (id: string) => [...ROOT, 'detail', id] as const;

export function useInitiatives(query: ListInitiativesQuery, enabled = true) {
  return useQuery(
    queryOptions({
      enabled,
      queryKey: [...LIST_KEY, query],
      queryFn: async () => {
        const { data, response } = await api.GET('/api/v1/participation/initiatives', { params: { query } });
        if (!data) throw new ApiError(response.status, { status: response.status });
        return data;
      },
      placeholderData: keepPreviousData,
    }),
  );
}

const withEtag = (data: InitiativeDetail | undefined, response: Response) => {
  if (!data) throw new ApiError(response.status, { status: response.status });
  return { initiative: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
};

export type Saved = ReturnType<typeof withEtag>;

/** The initiative and the ETag to send back as If-Match. */
export async function getInitiative(id: string) {
  const { data, response } = await api.GET('/api/v1/participation/initiatives/{id}', { params: { path: { id } } });
  return withEtag(data, response);
}

/** The same unit's applications that look like this one (#12), for its reviewers; 403 for anyone else, shown as nothing. */
export function useSimilarInitiatives(id: string, enabled: boolean) {
  return useQuery({
    enabled,
    retry: false,
    queryKey: [...ROOT, 'similar', id],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/participation/initiatives/{id}/similar', { params: { path: { id } } });
      if (!data) throw new ApiError(response.status, { status: response.status });
      return data;
    },
  });
}

export function useInitiative(id: string) {
  return useQuery({ queryKey: initiativeQueryKey(id), queryFn: () => getInitiative(id) });
}

function useSaved() {
  const queryClient = useQueryClient();
  return (saved: Saved) => {
    queryClient.setQueryData(initiativeQueryKey(saved.initiative.id), saved);
    void queryClient.invalidateQueries({ queryKey: LIST_KEY });
  };
}

export function useCreateInitiative() {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: async ({ data, idempotencyKey }: { data: CreateInitiativeInput; idempotencyKey: string }) => {
      const { data: created, response } = await api.POST('/api/v1/participation/initiatives', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body: data,
      });
      return withEtag(created, response);
    },
    onSuccess,
  });
}

export function useUpdateInitiative() {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: async ({ id, data, etag }: { id: string; data: UpdateInitiativeInput; etag: string }) => {
      const { data: saved, response } = await api.PUT('/api/v1/participation/initiatives/{id}', {
        params: { path: { id }, header: { 'If-Match': etag } },
        body: data,
      });
      return withEtag(saved, response);
    },
    onSuccess,
  });
}

export type InitiativeStep =
  | { step: 'submit' }
  | { step: 'withdraw'; reason?: string | null }
  | { step: 'conditions'; checks: ConditionCheckInput[] }
  | { step: 'recognise'; certificateNumber: string; decisionDate: string }
  | { step: 'refuse'; reasons: string; decisionDate: string };

/** A lifecycle step with the initiative's version as If-Match (412 when someone changed it meanwhile). */
async function runStep(initiative: Pick<InitiativeDetail, 'id' | 'version'>, s: InitiativeStep) {
  const params = { path: { id: initiative.id }, header: { 'If-Match': `"${initiative.version}"` } };
  switch (s.step) {
    case 'submit': {
      const { data, response } = await api.POST('/api/v1/participation/initiatives/{id}/submit', { params });
      return withEtag(data, response);
    }
    case 'withdraw': {
      const { data, response } = await api.POST('/api/v1/participation/initiatives/{id}/withdraw', { params, body: { reason: s.reason ?? null } });
      return withEtag(data, response);
    }
    case 'conditions': {
      const { data, response } = await api.PUT('/api/v1/participation/initiatives/{id}/conditions', { params, body: { checks: s.checks } });
      return withEtag(data, response);
    }
    case 'recognise': {
      const { data, response } = await api.POST('/api/v1/participation/initiatives/{id}/recognise', {
        params,
        body: { certificateNumber: s.certificateNumber, decisionDate: s.decisionDate },
      });
      return withEtag(data, response);
    }
    case 'refuse': {
      const { data, response } = await api.POST('/api/v1/participation/initiatives/{id}/refuse', {
        params,
        body: { reasons: s.reasons, decisionDate: s.decisionDate },
      });
      return withEtag(data, response);
    }
  }
}

export function useInitiativeStep(initiative: Pick<InitiativeDetail, 'id' | 'version'>) {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: (s: InitiativeStep) => runStep(initiative, s), onSuccess });
}

// Evidence (#12): drawings, photos and documents showing the result of the application, filed while a draft.

/** Sends one file (multipart, field `file`), reporting the share sent; the API answers the initiative with its evidence. */
async function uploadEvidence({ id, file, onProgress }: { id: string; file: File; onProgress?: (percent: number) => void }) {
  const { data, response } = await uploadWithProgress<InitiativeDetail>(
    `/api/v1/participation/initiatives/${encodeURIComponent(id)}/attachments`,
    file,
    onProgress ?? (() => undefined),
    { 'Idempotency-Key': crypto.randomUUID() },
  );
  return withEtag(data, response);
}

/** Downloads with the bearer token (a plain link would not carry it) and saves through an object URL. */
async function downloadEvidence({ id, attachmentId, fileName }: { id: string; attachmentId: string; fileName: string }) {
  const { data, response } = await api.GET('/api/v1/participation/initiatives/{id}/attachments/{attachmentId}', {
    params: { path: { id, attachmentId } },
    parseAs: 'blob',
  });
  if (!data) throw new ApiError(response.status, { status: response.status });
  saveBlob(data, fileName);
}

async function deleteEvidence({ id, attachmentId }: { id: string; attachmentId: string }) {
  await unwrap(api.DELETE('/api/v1/participation/initiatives/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } } }));
}

export function useUploadEvidence() {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: uploadEvidence, onSuccess });
}

export const useDownloadEvidence = () => useMutation({ mutationFn: downloadEvidence });

export function useDeleteEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEvidence,
    onSuccess: (_: void, v) => void queryClient.invalidateQueries({ queryKey: initiativeQueryKey(v.id) }),
  });
}
