import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { paths } from '@/lib/api/schema';
import { unitQueryKey } from './get-unit';

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
