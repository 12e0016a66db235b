import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import { policyQueryKey } from './policies';
import { saveBlob } from '@/lib/api/download';
import { fileUpload } from '@/lib/api/file-upload';

/**
 * Uploads one file as multipart/form-data (field `file`) through the API client, so it carries the bearer
 * token and failures come back as ApiError with `errors.file`.
 */
export async function uploadPolicyAttachment({ policyId, file }: { policyId: string; file: File }) {
  const result = await api.POST('/api/v1/organization/policies/{id}/attachments', {
    params: { path: { id: policyId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
    ...fileUpload(file),
  });
  if (!result.data) throw new ApiError(result.response.status, { status: result.response.status });
  return { policy: result.data, etag: result.response.headers.get('ETag') ?? `"${result.data.version}"` };
}

export function useUploadPolicyAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadPolicyAttachment,
    onSuccess: (saved) => {
      queryClient.setQueryData(policyQueryKey(saved.policy.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['organization', 'policies', 'list'] });
    },
  });
}

/**
 * Downloads an attachment with the bearer token (a plain link would not carry it) and hands it to the
 * browser as a file save through an object URL.
 */
export async function downloadPolicyAttachment({
  policyId,
  attachmentId,
  fileName,
}: {
  policyId: string;
  attachmentId: string;
  fileName: string;
}) {
  const { data, response } = await api.GET('/api/v1/organization/policies/{id}/attachments/{attachmentId}', {
    params: { path: { id: policyId, attachmentId } },
    parseAs: 'blob',
  });
  if (!data) throw new ApiError(response.status, { status: response.status });
  saveBlob(data, fileName);
}

export function useDownloadPolicyAttachment() {
  return useMutation({ mutationFn: downloadPolicyAttachment });
}

/** Removes a file, with the document's version as If-Match (412 when someone changed the document meanwhile). */
export async function deletePolicyAttachment({ policyId, attachmentId, version }: { policyId: string; attachmentId: string; version: number }) {
  await unwrap(
    api.DELETE('/api/v1/organization/policies/{id}/attachments/{attachmentId}', {
      params: { path: { id: policyId, attachmentId }, header: { 'If-Match': `"${version}"` } },
    }),
  );
}

export function useDeletePolicyAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePolicyAttachment,
    onSuccess: (_: void, v) => {
      void queryClient.invalidateQueries({ queryKey: policyQueryKey(v.policyId) });
      void queryClient.invalidateQueries({ queryKey: ['organization', 'policies', 'list'] });
    },
  });
}
