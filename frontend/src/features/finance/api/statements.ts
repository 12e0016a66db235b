import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { fileNameOf, saveBlob } from '@/lib/api/download';

export type TopicFundingStatement = components['schemas']['Finance_Statements_TopicFundingStatement'];
export type StatementSource = components['schemas']['Finance_Statements_StatementSource'];
export type StatementTranche = components['schemas']['Finance_Statements_StatementTranche'];

export function useTopicStatement(topicId: string) {
  return useQuery({
    queryKey: ['finance', 'topic-statement', topicId],
    queryFn: () => unwrap(api.GET('/api/v1/finance/topics/{topicId}/funding-statement', { params: { path: { topicId } } })),
  });
}

/** Downloads the statement with the bearer token (a plain link would not carry it) and saves it as a file. */
export function useDownloadTopicStatement() {
  return useMutation({
    mutationFn: async (topicId: string) => {
      const { data, response } = await api.GET('/api/v1/finance/topics/{topicId}/funding-statement.xlsx', {
        params: { path: { topicId } },
        parseAs: 'blob',
      });
      if (!data) throw new ApiError(response.status, { status: response.status });
      saveBlob(data as Blob, fileNameOf(response, `quyet-toan-kinh-phi-de-tai.xlsx`));
    },
  });
}
