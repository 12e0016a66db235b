import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { components, paths } from '@/lib/api/schema';
import { fileNameOf, saveBlob } from '@/lib/api/download';

type Schemas = components['schemas'];
export type Synthesis = Schemas['Organization_Reports_Synthesis'];
export type SubmissionCounts = Schemas['Organization_Reports_SubmissionCounts'];
export type SynthesisGroup = Schemas['Organization_Reports_SynthesisGroup'];
export type IndicatorTotal = Schemas['Organization_Reports_IndicatorTotal'];
export type SubmissionItem = Schemas['Organization_Reports_SubmissionItem'];
export type SubmissionsQuery = NonNullable<
  paths['/api/v1/organization/reports/periods/{periodId}/submissions']['get']['parameters']['query']
>;
export type NarrativeAnswer = Schemas['Organization_Reports_NarrativeAnswer'];
export type NarrativeQuery = NonNullable<
  paths['/api/v1/organization/reports/periods/{periodId}/synthesis/answers/{indicator}']['get']['parameters']['query']
>;
export type DocxOptions = { number?: string; place?: string; signerTitle?: string; signerName?: string; recipients?: string };

/** "Nơi nhận" the modal starts from (the API's own default when the field is left empty). */
export const DEFAULT_RECIPIENTS = [
  'Tổng Liên đoàn Lao động Việt Nam (để báo cáo)',
  'Thường trực LĐLĐ tỉnh',
  'Các ban LĐLĐ tỉnh',
  'Lưu: VT, CSPL',
].join('\n');

export const synthesisQueryOptions = (periodId: string, within: string | undefined) =>
  queryOptions({
    queryKey: ['organization', 'reports', 'synthesis', periodId, within ?? null],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organization/reports/periods/{periodId}/synthesis', {
          params: { path: { periodId }, query: within ? { within } : {} },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useSynthesis(periodId: string, within: string | undefined) {
  return useQuery(synthesisQueryOptions(periodId, within));
}

export function useSubmissions(periodId: string, query: SubmissionsQuery) {
  return useQuery({
    queryKey: ['organization', 'reports', 'synthesis', periodId, 'submissions', query],
    queryFn: () =>
      unwrap(api.GET('/api/v1/organization/reports/periods/{periodId}/submissions', { params: { path: { periodId }, query } })),
    placeholderData: keepPreviousData,
  });
}

/** What the units of the subtree wrote for one narrative (text) indicator, page by page. */
export function useNarrativeAnswers(periodId: string, indicator: string | undefined, query: NarrativeQuery) {
  return useQuery({
    queryKey: ['organization', 'reports', 'synthesis', periodId, 'answers', indicator ?? null, query],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organization/reports/periods/{periodId}/synthesis/answers/{indicator}', {
          params: { path: { periodId, indicator: indicator ?? '' }, query },
        }),
      ),
    enabled: !!indicator,
    placeholderData: keepPreviousData,
  });
}

type ExportInput = { periodId: string; year: number; within?: string } & (
  | { format: 'xlsx' }
  | { format: 'docx'; options: DocxOptions }
);

/** Downloads the synthesis with the bearer token (a plain link would not carry it) and saves it as a file. */
export async function downloadSynthesis(input: ExportInput) {
  const path = { periodId: input.periodId };
  const within = input.within ? { within: input.within } : {};
  const { data, response } =
    input.format === 'xlsx'
      ? await api.GET('/api/v1/organization/reports/periods/{periodId}/synthesis.xlsx', {
          params: { path, query: within },
          parseAs: 'blob',
        })
      : await api.GET('/api/v1/organization/reports/periods/{periodId}/synthesis.docx', {
          params: {
            path,
            query: {
              ...within,
              ...Object.fromEntries(Object.entries(input.options).filter(([, v]) => typeof v === 'string' && v.trim())),
            },
          },
          parseAs: 'blob',
        });
  if (!data) throw new ApiError(response.status, { status: response.status });
  const fileName = fileNameOf(response, `tong-hop-bao-cao-${input.year}.${input.format}`);
  saveBlob(data as Blob, fileName);
  return fileName;
}

export function useDownloadSynthesis() {
  return useMutation({ mutationFn: downloadSynthesis });
}
