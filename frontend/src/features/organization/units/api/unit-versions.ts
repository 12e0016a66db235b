import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { unitQueryKey } from './units';

type Schemas = components['schemas'];
export type UnitVersion = Schemas['Organization_Units_History_UnitVersionView'];
export type UnitStatus = Schemas['Organization_Contracts_UnitStatus'];

/** A unit's effective-dated versions (names, parents, status over time), newest first. */
export async function getUnitVersions(unitId: string) {
  return unwrap(api.GET('/api/v1/organization/units/{id}/history', { params: { path: { id: unitId } } }));
}

export const unitVersionsQueryKey = (unitId: string) => ['organization', 'units', 'history', unitId] as const;

export const getUnitVersionsQueryOptions = (unitId: string) =>
  queryOptions({ queryKey: unitVersionsQueryKey(unitId), queryFn: () => getUnitVersions(unitId) });

export function useUnitVersions(unitId: string, enabled = true) {
  return useQuery({ ...getUnitVersionsQueryOptions(unitId), enabled });
}

export type UnitChangeKind = 'rename' | 'move' | 'merge' | 'split' | 'dissolve';
/** A successor of a split: an existing sibling (`unitId`) or a new unit (code, name, kind), with the sub-units it takes over. */
export type SplitSuccessor = Schemas['Organization_Units_History_SplitSuccessor'];

/** The body of each structural change; every one takes the day it takes effect (yyyy-MM-dd). */
export type UnitChange =
  | { kind: 'rename'; effectiveOn: string; name: string }
  | { kind: 'move'; effectiveOn: string; parentId: string }
  | { kind: 'merge'; effectiveOn: string; successorId: string }
  | { kind: 'split'; effectiveOn: string; successors: SplitSuccessor[] }
  | { kind: 'dissolve'; effectiveOn: string };

export interface UnitChangeInput {
  unitId: string;
  /** The ETag of the last read of the unit: a change made by someone else in between answers 412. */
  etag: string;
  idempotencyKey: string;
  change: UnitChange;
}

/** Applies a rename, move, merge, split or dissolution from its effective day; answers the unit as it is now. */
export async function changeUnit({ unitId, etag, idempotencyKey, change }: UnitChangeInput) {
  const params = { path: { id: unitId }, header: { 'If-Match': etag, 'Idempotency-Key': idempotencyKey } };
  const { effectiveOn } = change;
  switch (change.kind) {
    case 'rename':
      return unwrap(api.POST('/api/v1/organization/units/{id}/rename', { params, body: { effectiveOn, name: change.name } }));
    case 'move':
      return unwrap(api.POST('/api/v1/organization/units/{id}/move', { params, body: { effectiveOn, parentId: change.parentId } }));
    case 'merge':
      return unwrap(
        api.POST('/api/v1/organization/units/{id}/merge', { params, body: { effectiveOn, successorId: change.successorId } }),
      );
    case 'split':
      return unwrap(
        api.POST('/api/v1/organization/units/{id}/split', { params, body: { effectiveOn, successors: change.successors } }),
      );
    case 'dissolve':
      return unwrap(api.POST('/api/v1/organization/units/{id}/dissolve', { params, body: { effectiveOn } }));
  }
}

export function useChangeUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeUnit,
    onSuccess: (unit) => {
      queryClient.setQueryData(unitQueryKey(unit.id), { unit, etag: `"${unit.version}"` });
      // Lists, the tree, the as-of views and every unit's history may all change (a move carries the subtree,
      // a merge moves the sub-units): refresh the whole units family and the change log.
      void queryClient.invalidateQueries({ queryKey: ['organization', 'units'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
