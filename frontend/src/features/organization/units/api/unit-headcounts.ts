import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { unitQueryKey } from './units';

type Schemas = components['schemas'];
export type UnitHeadcount = Schemas['Organization_Units_Headcounts_UnitHeadcountView'];
export type HeadcountAsOf = Schemas['Organization_Units_Headcounts_HeadcountAsOf'];
export type HeadcountTotal = Schemas['Organization_Units_Headcounts_HeadcountTotal'];

/** Every query of this file lives under one key, so recording figures refreshes them all (totals of the units above too). */
const headcountsKey = ['organization', 'headcounts'] as const;

/** A unit's recorded member and worker counts, newest first. */
export async function getUnitHeadcounts(unitId: string) {
  return unwrap(api.GET('/api/v1/organization/units/{id}/headcounts', { params: { path: { id: unitId } } }));
}

export const unitHeadcountsQueryOptions = (unitId: string) =>
  queryOptions({ queryKey: [...headcountsKey, 'history', unitId], queryFn: () => getUnitHeadcounts(unitId) });

export function useUnitHeadcounts(unitId: string) {
  return useQuery(unitHeadcountsQueryOptions(unitId));
}

/** The unit's own figures as of a day (yyyy-MM-dd): the latest record on or before it, or null. */
export async function getUnitHeadcountAsOf(unitId: string, asOf: string): Promise<HeadcountAsOf | null> {
  const unit = await unwrap(api.GET('/api/v1/organization/units/{id}', { params: { path: { id: unitId }, query: { asOf } } }));
  return unit.headcount ?? null;
}

export function useUnitHeadcountAsOf(unitId: string, asOf: string) {
  return useQuery({ queryKey: [...headcountsKey, 'as-of', unitId, asOf], queryFn: () => getUnitHeadcountAsOf(unitId, asOf) });
}

/** Members and workers summed over the unit's subtree as of a day. */
export async function getHeadcountTotal(unitId: string, asOf: string) {
  return unwrap(api.GET('/api/v1/organization/units/{id}/headcounts/total', { params: { path: { id: unitId }, query: { asOf } } }));
}

export function useHeadcountTotal(unitId: string, asOf: string, enabled: boolean) {
  return useQuery({ queryKey: [...headcountsKey, 'total', unitId, asOf], queryFn: () => getHeadcountTotal(unitId, asOf), enabled });
}

export interface HeadcountInput {
  unitId: string;
  asOf: string;
  members: number;
  workers: number;
  note?: string | null;
}

/** Records (or replaces) the figures of a day. */
export async function putUnitHeadcount({ unitId, asOf, members, workers, note }: HeadcountInput) {
  return unwrap(
    api.PUT('/api/v1/organization/units/{id}/headcounts/{asOf}', {
      params: { path: { id: unitId, asOf } },
      body: { members, workers, note: note || null },
    }),
  );
}

export function usePutUnitHeadcount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putUnitHeadcount,
    onSuccess: (_data, input) => {
      void queryClient.invalidateQueries({ queryKey: headcountsKey });
      void queryClient.invalidateQueries({ queryKey: unitQueryKey(input.unitId) });
    },
  });
}
