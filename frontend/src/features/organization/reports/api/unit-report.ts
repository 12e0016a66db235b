import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type ReportView = Schemas['Organization_Reports_ReportView'];
export type ReportValue = ReportView['values'][number];
export type ReportEvent = ReportView['events'][number];
export type SubmissionState = Schemas['Organization_Reports_SubmissionState'];
export type ReportValueInput = Schemas['Organization_Reports_ReportValueInput'];

/** The report and the ETag to send back as If-Match (none while the report has never been saved). */
export interface ReportWithEtag {
  report: ReportView;
  etag: string | undefined;
}

const withEtag = (report: ReportView, response: Response): ReportWithEtag => ({
  report,
  etag: report.id ? (response.headers.get('ETag') ?? `"${report.version}"`) : undefined,
});

export const unitReportKey = (periodId: string, unitId: string) => ['organization', 'reports', 'unit', periodId, unitId] as const;

export async function getUnitReport(periodId: string, unitId: string) {
  const { data, response } = await api.GET('/api/v1/organization/reports/periods/{periodId}/units/{unitId}', {
    params: { path: { periodId, unitId } },
  });
  if (!data) throw new ApiError(response.status, { status: response.status });
  return withEtag(data, response);
}

export const unitReportQueryOptions = (periodId: string, unitId: string) =>
  queryOptions({ queryKey: unitReportKey(periodId, unitId), queryFn: () => getUnitReport(periodId, unitId) });

export function useUnitReport(periodId: string, unitId: string) {
  return useQuery(unitReportQueryOptions(periodId, unitId));
}

/** Saves the draft; If-Match once the report exists, so a change made meanwhile answers 412 instead of being lost. */
async function saveUnitReport({
  periodId,
  unitId,
  etag,
  values,
}: {
  periodId: string;
  unitId: string;
  etag: string | undefined;
  values: ReportValueInput[];
}) {
  const { data, response } = await api.PUT('/api/v1/organization/reports/periods/{periodId}/units/{unitId}', {
    params: { path: { periodId, unitId }, header: etag ? { 'If-Match': etag } : {} },
    body: { values },
  });
  if (!data) throw new ApiError(response.status, { status: response.status });
  return withEtag(data, response);
}

type Step = { reportId: string } & ({ step: 'submit' } | { step: 'return'; comment: string } | { step: 'accept'; comment?: string });

async function runStep(input: Step) {
  const path = { id: input.reportId };
  const header = { 'Idempotency-Key': crypto.randomUUID() };
  const call =
    input.step === 'submit'
      ? api.POST('/api/v1/organization/reports/{id}/submit', { params: { path, header } })
      : input.step === 'return'
        ? api.POST('/api/v1/organization/reports/{id}/return', { params: { path, header }, body: { comment: input.comment } })
        : api.POST('/api/v1/organization/reports/{id}/accept', {
            params: { path, header },
            body: { comment: input.comment ?? null },
          });
  const { data, response } = await call;
  if (!data) throw new ApiError(response.status, { status: response.status });
  return withEtag(data, response);
}

function useStore() {
  const queryClient = useQueryClient();
  return (saved: ReportWithEtag) => {
    queryClient.setQueryData(unitReportKey(saved.report.periodId, saved.report.unit.id), saved);
    void queryClient.invalidateQueries({ queryKey: ['organization', 'reports', 'synthesis'] });
    void queryClient.invalidateQueries({ queryKey: ['me', 'notifications'] });
  };
}

export function useSaveUnitReport() {
  const store = useStore();
  return useMutation({ mutationFn: saveUnitReport, onSuccess: store });
}

export function useReportStep() {
  const store = useStore();
  return useMutation({ mutationFn: runStep, onSuccess: store });
}
