import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { components, paths } from '@/lib/api/schema';
import { fileNameOf, saveBlob } from '@/lib/api/download';

export type ExportQuery = NonNullable<paths['/api/v1/organization/labour/export']['get']['parameters']['query']>;
export type ImportSummary = components['schemas']['Organization_Labour_LabourImportSummary'];

/** A row the import refused: the row number as Excel shows it, the column header, a rule code and the server's message. */
export interface ImportRowError {
  row: number;
  column: string;
  code: string;
  message: string;
}

/** The largest file the import accepts (10 MB); bigger ones are refused before uploading. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The rows the 422 problem of a rejected import lists (none for other errors). */
export function rowErrorsOf(error: unknown): ImportRowError[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  const rows = error.problem.rowErrors;
  return Array.isArray(rows) ? (rows as ImportRowError[]) : [];
}

/** Downloads with the bearer token (a plain link would not carry it). */
export function useExportLabour() {
  return useMutation({
    mutationFn: async (query: ExportQuery) => {
      const { data, response } = await api.GET('/api/v1/organization/labour/export', { params: { query }, parseAs: 'blob' });
      if (!data) throw new ApiError(response.status, { status: response.status });
      saveBlob(data as Blob, fileNameOf(response, 'co-so-du-lieu-lao-dong.xlsx'));
    },
  });
}

export function useDownloadTemplate() {
  return useMutation({
    mutationFn: async () => {
      const { data, response } = await api.GET('/api/v1/organization/labour/import-template', { parseAs: 'blob' });
      if (!data) throw new ApiError(response.status, { status: response.status });
      saveBlob(data as Blob, fileNameOf(response, 'mau-nhap-du-lieu-lao-dong.xlsx'));
    },
  });
}

/** Uploads the sheet (multipart: file, unitId, dryRun). A rejected file is an ApiError 422 carrying `rowErrors`. */
export function useImportLabour() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, unitId, dryRun }: { file: File; unitId: string; dryRun: boolean }) => {
      const result = await api.POST('/api/v1/organization/labour/import', {
        params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
        body: { file: file as unknown as string, unitId, dryRun },
        bodySerializer: () => {
          const form = new FormData();
          form.append('file', file, file.name);
          form.append('unitId', unitId);
          form.append('dryRun', String(dryRun));
          return form;
        },
      });
      if (!result.data) throw new ApiError(result.response.status, { status: result.response.status });
      return result.data;
    },
    onSuccess: (summary) => {
      if (!summary.dryRun) void queryClient.invalidateQueries({ queryKey: ['organization', 'labour'] });
    },
  });
}
