import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

export type GetPlanComplianceQuery = NonNullable<paths['/api/v1/organization/plans/{id}/compliance']['get']['parameters']['query']>;

export async function getPlanCompliance(id: string, query: GetPlanComplianceQuery) {
  return unwrap(api.GET('/api/v1/organization/plans/{id}/compliance', { params: { path: { id }, query } }));
}

export type PlanComplianceReport = Awaited<ReturnType<typeof getPlanCompliance>>;
export type ComplianceRow = PlanComplianceReport['units']['items'][number];
export type ComplianceStatus = ComplianceRow['status'];
export type ComplianceTotals = PlanComplianceReport['totals'];

export const COMPLIANCE_STATUSES: readonly ComplianceStatus[] = ['IssuedOnTime', 'IssuedLate', 'Draft', 'Missing'];

export const getPlanComplianceQueryOptions = (id: string, query: GetPlanComplianceQuery) =>
  queryOptions({
    queryKey: ['organization', 'plans', 'compliance', id, query],
    queryFn: () => getPlanCompliance(id, query),
    placeholderData: keepPreviousData,
  });

export function usePlanCompliance(id: string, query: GetPlanComplianceQuery) {
  return useQuery(getPlanComplianceQueryOptions(id, query));
}
