import { api } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import { fileNameOf, saveBlob } from '@/lib/api/download';
import type { DocxOptions } from './synthesis';

/** Downloads one unit's submitted report as a Decree 30 .docx (with the bearer token) and saves it. */
export async function downloadUnitReport(input: { periodId: string; unitId: string; year: number; options: DocxOptions }) {
  const { data, response } = await api.GET('/api/v1/organization/reports/periods/{periodId}/units/{unitId}/report.docx', {
    params: {
      path: { periodId: input.periodId, unitId: input.unitId },
      query: Object.fromEntries(Object.entries(input.options).filter(([, v]) => typeof v === 'string' && v.trim())),
    },
    parseAs: 'blob',
  });
  if (!data) throw new ApiError(response.status, { status: response.status });
  const fileName = fileNameOf(response, `bao-cao-${input.year}.docx`);
  saveBlob(data as Blob, fileName);
  return fileName;
}
