import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/problem';
import { api } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

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
