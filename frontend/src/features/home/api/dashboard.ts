import { keepPreviousData, queryOptions, useMutation, usePrefetchQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import { fileNameOf, saveBlob } from '@/lib/api/download';
import type { components } from '@/lib/api/schema';

export type Dashboard = components['schemas']['Organization_Dashboard'];
export type DashboardIndicator = components['schemas']['Organization_Dashboard_DashboardIndicator'];
export type DashboardBreakdown = components['schemas']['Organization_Dashboard_DashboardBreakdown'];
export type BreakdownRow = components['schemas']['Organization_Dashboard_BreakdownRow'];
export type DashboardRecords = components['schemas']['Organization_Dashboard_DashboardRecords'];
export type DashboardRecord = components['schemas']['Organization_Dashboard_DashboardRecord'];

export interface DashboardQuery {
  unitId?: string;
  year?: number;
}

const clean = (q: DashboardQuery) => ({ ...(q.unitId ? { unitId: q.unitId } : {}), ...(q.year ? { year: q.year } : {}) });

export const dashboardKeys = {
  all: ['dashboard'] as const,
  figures: (q: DashboardQuery) => ['dashboard', 'figures', clean(q)] as const,
  breakdown: (key: string, q: DashboardQuery) => ['dashboard', 'breakdown', key, clean(q)] as const,
  records: (key: string, q: RecordsQuery) => ['dashboard', 'records', key, { ...clean(q), own: !!q.own, page: q.page ?? 1 }] as const,
};

export interface RecordsQuery extends DashboardQuery {
  /** Only the unit's own records (the "own" row of the drill-down), not its sub-units'. */
  own?: boolean;
  page?: number;
}

/**
 * How often the dashboard is read again while the server says it is refreshing a part (its figures are the last
 * computed ones, `computedAtUtc`, while a newer computation runs: seconds on a whole province).
 */
export const REFRESHING_POLL_MS = 2_000;

const dashboardQuery = (q: DashboardQuery) =>
  queryOptions({
    queryKey: dashboardKeys.figures(q),
    queryFn: () => unwrap(api.GET('/api/v1/dashboard', { params: { query: clean(q) } })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.refreshing ? REFRESHING_POLL_MS : false),
  });

/** Starts reading the figures without rendering them: the home page asks them before it builds the dashboard. */
export function usePrefetchDashboard(q: DashboardQuery) {
  usePrefetchQuery(dashboardQuery(q));
}

export function useDashboard(q: DashboardQuery) {
  // Asked while the page renders, not after it is on screen (a query starts when its component mounts): on the
  // signed-in home page the figures then travel while the rest of the page is still being built (#17).
  usePrefetchQuery(dashboardQuery(q));
  return useQuery(dashboardQuery(q));
}

export function useDashboardBreakdown(key: string | undefined, q: DashboardQuery) {
  return useQuery({
    queryKey: dashboardKeys.breakdown(key ?? '', q),
    queryFn: () => unwrap(api.GET('/api/v1/dashboard/breakdown', { params: { query: { key: key ?? '', ...clean(q) } } })),
    enabled: !!key,
    placeholderData: keepPreviousData,
  });
}

/** The records behind a figure (a unit's subtree, or its own only), a page of them; disabled until a row is picked. */
export function useDashboardRecords(key: string | undefined, q: RecordsQuery) {
  return useQuery({
    queryKey: dashboardKeys.records(key ?? '', q),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/dashboard/records', {
          params: { query: { key: key ?? '', ...clean(q), own: !!q.own, page: q.page ?? 1, pageSize: RECORDS_PAGE_SIZE } },
        }),
      ),
    enabled: !!key && !!q.unitId,
    placeholderData: keepPreviousData,
  });
}

export const RECORDS_PAGE_SIZE = 20;

/** Downloads the dashboard as .xlsx with the bearer token (a plain link would not carry it). */
export async function downloadDashboard(q: DashboardQuery) {
  const { data, response } = await api.GET('/api/v1/dashboard.xlsx', { params: { query: clean(q) }, parseAs: 'blob' });
  if (!data) throw new ApiError(response.status, { status: response.status });
  const fileName = fileNameOf(response, `bang-chi-tieu-${q.year ?? ''}.xlsx`);
  saveBlob(data as Blob, fileName);
  return fileName;
}

export function useDownloadDashboard() {
  return useMutation({ mutationFn: downloadDashboard });
}
