import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { paths } from '@/lib/api/schema';
import { policyQueryKey } from './get-policy';

export type UpdatePolicyInput =
  paths['/api/v1/organization/policies/{id}']['put']['requestBody'] extends { content: { 'application/json': infer B } } | undefined
    ? B
    : never;

/** Saves with If-Match, so a change made by someone else in between comes back as 412 instead of being lost. */
export async function updatePolicy({ id, etag, data }: { id: string; etag: string; data: UpdatePolicyInput }) {
  const result = await api.PUT('/api/v1/organization/policies/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body: data,
  });
  if (!result.data) throw new ApiError(result.response.status, { status: result.response.status });
  return { policy: result.data, etag: result.response.headers.get('ETag') ?? `"${result.data.version}"` };
}

export function useUpdatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePolicy,
    onSuccess: (saved) => {
      queryClient.setQueryData(policyQueryKey(saved.policy.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['organization', 'policies', 'list'] });
    },
  });
}
