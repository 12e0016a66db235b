import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { paths } from '@/lib/api/schema';
import { saveBlob } from '@/lib/api/download';
import { fileUpload } from '@/lib/api/file-upload';

const ITEM = '/api/v1/organization/plans/{id}/implementations/{unitId}' as const;

type JsonBody<T> = T extends { content: { 'application/json': infer B } } | undefined ? B : never;
export type IssueInput = JsonBody<paths['/api/v1/organization/plans/{id}/implementations/{unitId}/issue']['post']['requestBody']>;
export type DraftInput = JsonBody<paths['/api/v1/organization/plans/{id}/implementations/{unitId}']['put']['requestBody']>;

/** A unit's implementation plan of a plan, or null when the unit has not started one (404). */
export async function getImplementationPlan(planId: string, unitId: string) {
  try {
    const { data, response } = await api.GET(ITEM, { params: { path: { id: planId, unitId } } });
    if (!data) throw new ApiError(response.status, { status: response.status });
    return { implementation: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export type ImplementationPlanResult = NonNullable<Awaited<ReturnType<typeof getImplementationPlan>>>;
export type ImplementationPlan = ImplementationPlanResult['implementation'];
export type ImplementationRevision = ImplementationPlan['revisions'][number];
export type ImplementationAttachment = ImplementationPlan['attachments'][number];

export const implementationQueryKey = (planId: string, unitId: string) => ['organization', 'plans', 'implementation', planId, unitId] as const;

export const getImplementationPlanQueryOptions = (planId: string, unitId: string) =>
  queryOptions({ queryKey: implementationQueryKey(planId, unitId), queryFn: () => getImplementationPlan(planId, unitId) });

export function useImplementationPlan(planId: string, unitId: string | undefined) {
  return useQuery({ ...getImplementationPlanQueryOptions(planId, unitId ?? ''), enabled: !!unitId });
}

function result(data: ImplementationPlan | undefined, response: Response) {
  if (!data) throw new ApiError(response.status, { status: response.status });
  return { implementation: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
}

export async function startImplementationPlan({ planId, unitId, title, note }: { planId: string; unitId: string; title: string; note?: string | null }) {
  const { data, response } = await api.POST('/api/v1/organization/plans/{id}/implementations', {
    params: { path: { id: planId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
    body: { unitId, title, note: note ?? null },
  });
  return result(data, response);
}

export async function updateDraft({ planId, unitId, etag, data }: { planId: string; unitId: string; etag: string; data: DraftInput }) {
  const { data: saved, response } = await api.PUT(ITEM, {
    params: { path: { id: planId, unitId }, header: { 'If-Match': etag } },
    body: data,
  });
  return result(saved, response);
}

export async function issueImplementationPlan({ planId, unitId, data, revise }: { planId: string; unitId: string; data: IssueInput; revise: boolean }) {
  const path = revise
    ? ('/api/v1/organization/plans/{id}/implementations/{unitId}/revise' as const)
    : ('/api/v1/organization/plans/{id}/implementations/{unitId}/issue' as const);
  const { data: saved, response } = await api.POST(path, { params: { path: { id: planId, unitId } }, body: data });
  return result(saved, response);
}

export async function uploadImplementationFile({ planId, unitId, file }: { planId: string; unitId: string; file: File }) {
  const { data, response } = await api.POST('/api/v1/organization/plans/{id}/implementations/{unitId}/attachments', {
    params: { path: { id: planId, unitId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
    ...fileUpload(file),
  });
  return result(data, response);
}

/** Downloads with the bearer token (a plain link would not carry it) and saves through an object URL. */
export async function downloadImplementationFile({
  planId,
  unitId,
  attachmentId,
  fileName,
}: {
  planId: string;
  unitId: string;
  attachmentId: string;
  fileName: string;
}) {
  const { data, response } = await api.GET('/api/v1/organization/plans/{id}/implementations/{unitId}/attachments/{attachmentId}', {
    params: { path: { id: planId, unitId, attachmentId } },
    parseAs: 'blob',
  });
  if (!data) throw new ApiError(response.status, { status: response.status });
  saveBlob(data, fileName);
}

/** Removes a file of the current revision (204): sent with the plan's tag, since the plan's version moves with its files. */
export async function deleteImplementationFile({ planId, unitId, attachmentId, etag }: { planId: string; unitId: string; attachmentId: string; etag: string }) {
  await unwrap(
    api.DELETE('/api/v1/organization/plans/{id}/implementations/{unitId}/attachments/{attachmentId}', {
      params: { path: { id: planId, unitId, attachmentId }, header: { 'If-Match': etag } },
    }),
  );
}

/** The answer has no body: the plan is read again (its version and files), and the compliance view refreshes. */
export function useDeleteImplementationFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteImplementationFile,
    onSuccess: (_: void, v) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: implementationQueryKey(v.planId, v.unitId) }),
        queryClient.invalidateQueries({ queryKey: ['organization', 'plans', 'compliance', v.planId] }),
      ]),
  });
}

/** Every change answers with the saved plan: it replaces the cached one, and the compliance view refreshes. */
function useImplementationMutation<V extends { planId: string; unitId: string }>(fn: (v: V) => Promise<ImplementationPlanResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (saved, v) => {
      queryClient.setQueryData(implementationQueryKey(v.planId, v.unitId), saved);
      void queryClient.invalidateQueries({ queryKey: ['organization', 'plans', 'compliance', v.planId] });
    },
  });
}

export const useStartImplementationPlan = () => useImplementationMutation(startImplementationPlan);
export const useUpdateDraft = () => useImplementationMutation(updateDraft);
export const useIssueImplementationPlan = () => useImplementationMutation(issueImplementationPlan);
export const useUploadImplementationFile = () => useImplementationMutation(uploadImplementationFile);
export const useDownloadImplementationFile = () => useMutation({ mutationFn: downloadImplementationFile });
