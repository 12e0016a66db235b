import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { paths } from '@/lib/api/schema';

export type CreatePolicyInput =
  paths['/api/v1/organization/policies']['post']['requestBody'] extends { content: { 'application/json': infer B } } | undefined
    ? B
    : never;

/** The idempotency key stays the same across retries of one submission, so a retry never registers twice. */
export async function createPolicy({ data, idempotencyKey }: { data: CreatePolicyInput; idempotencyKey: string }) {
  const result = await api.POST('/api/v1/organization/policies', {
    params: { header: { 'Idempotency-Key': idempotencyKey } },
    body: data,
  });
  if (!result.data) throw new ApiError(result.response.status, { status: result.response.status });
  return result.data;
}

export function useCreatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPolicy,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization', 'policies'] }),
  });
}
