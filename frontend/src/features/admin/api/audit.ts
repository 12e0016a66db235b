import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { fileNameOf, saveBlob } from '@/lib/api/download';
import { ApiError } from '@/lib/api/problem';
import type { paths } from '@/lib/api/schema';

export type AuditQuery = NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>;
export type AuditExportQuery = NonNullable<paths['/api/v1/audit.xlsx']['get']['parameters']['query']>;

export const listAudit = (query: AuditQuery) => unwrap(api.GET('/api/v1/audit', { params: { query } }));
export type AuditEntry = Awaited<ReturnType<typeof listAudit>>['items'][number];

export const useAudit = (query: AuditQuery) => useQuery({ queryKey: ['admin', 'audit', query], queryFn: () => listAudit(query) });

/** Downloads the trail with the applied filters as .xlsx, with the bearer token (a plain link would not carry it). */
export function useDownloadAudit() {
  return useMutation({
    mutationFn: async (query: AuditExportQuery) => {
      const { data, response } = await api.GET('/api/v1/audit.xlsx', { params: { query }, parseAs: 'blob' });
      if (!data) throw new ApiError(response.status, { status: response.status });
      saveBlob(data as Blob, fileNameOf(response, 'nhat-ky-thay-doi.xlsx'));
    },
  });
}
