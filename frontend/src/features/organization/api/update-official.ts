import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/problem';
import { officialQueryKey } from './get-official';
import { api } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

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
