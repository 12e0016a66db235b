import { queryOptions, useQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

/** A unit's current KH,CN&ĐMST focal official and every assignment, newest first (the current one included). */
export async function getFocalOfficials(unitId: string) {
  return unwrap(api.GET('/api/v1/organization/units/{id}/focal-officials', { params: { path: { id: unitId } } }));
}

export type FocalOfficials = Awaited<ReturnType<typeof getFocalOfficials>>;
export type FocalAssignment = FocalOfficials['history'][number];

export const focalOfficialsQueryKey = (unitId: string) => ['organization', 'focal-officials', 'unit', unitId] as const;

export const getFocalOfficialsQueryOptions = (unitId: string) =>
  queryOptions({ queryKey: focalOfficialsQueryKey(unitId), queryFn: () => getFocalOfficials(unitId) });

export function useFocalOfficials(unitId: string, enabled: boolean) {
  return useQuery({ ...getFocalOfficialsQueryOptions(unitId), enabled });
}

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

export type FocalCoverageQuery = NonNullable<paths['/api/v1/organization/focal-officials/coverage']['get']['parameters']['query']>;

/** Upper-level unions in scope with their focal official, and the share that has one (a plan indicator). */
export async function getFocalCoverage(query: FocalCoverageQuery) {
  return unwrap(api.GET('/api/v1/organization/focal-officials/coverage', { params: { query } }));
}

export type FocalCoverage = Awaited<ReturnType<typeof getFocalCoverage>>;
export type FocalCoverageItem = FocalCoverage['items'][number];

export const getFocalCoverageQueryOptions = (query: FocalCoverageQuery) =>
  queryOptions({
    queryKey: ['organization', 'focal-officials', 'coverage', query],
    queryFn: () => getFocalCoverage(query),
  });

export function useFocalCoverage(query: FocalCoverageQuery) {
  return useQuery(getFocalCoverageQueryOptions(query));
}
