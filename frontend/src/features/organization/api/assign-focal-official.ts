import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';
import { focalOfficialsQueryKey } from './get-focal-officials';

export type AssignFocalOfficialInput =
  paths['/api/v1/organization/units/{id}/focal-officials']['post']['requestBody'] extends
    | { content: { 'application/json': infer B } }
    | undefined
    ? B
    : never;

/**
 * Makes the official the unit's focal official; the server ends the previous assignment. The idempotency key
 * stays the same across retries of one submission, so a retry never assigns twice.
 */
export async function assignFocalOfficial({
  unitId,
  data,
  idempotencyKey,
}: {
  unitId: string;
  data: AssignFocalOfficialInput;
  idempotencyKey: string;
}) {
  return unwrap(
    api.POST('/api/v1/organization/units/{id}/focal-officials', {
      params: { path: { id: unitId }, header: { 'Idempotency-Key': idempotencyKey } },
      body: data,
    }),
  );
}

export function useAssignFocalOfficial() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignFocalOfficial,
    onSuccess: (result, { unitId }) => {
      queryClient.setQueryData(focalOfficialsQueryKey(unitId), result);
      // The coverage report and the officials' "focal official" tags change with it.
      void queryClient.invalidateQueries({ queryKey: ['organization', 'focal-officials'] });
      void queryClient.invalidateQueries({ queryKey: ['organization', 'officials'] });
    },
  });
}
