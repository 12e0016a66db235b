import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components, paths } from '@/lib/api/schema';

export type ResearchCallView = components['schemas']['Participation_Topics_ResearchCallView'];
export type TopicDetail = components['schemas']['Participation_Topics_TopicDetail'];
export type TopicListItem = components['schemas']['Participation_Topics_TopicListItem'];
export type TopicStatus = components['schemas']['Participation_Domain_TopicStatus'];
export type TopicFundingSource = components['schemas']['Participation_Domain_TopicFundingSource'];
export type AcceptanceRating = components['schemas']['Participation_Domain_AcceptanceRating'];
export type ResearchCallKind = components['schemas']['Participation_Domain_ResearchCallKind'];
export type ListTopicsQuery = NonNullable<paths['/api/v1/participation/topics']['get']['parameters']['query']>;
export type ListCallsQuery = NonNullable<paths['/api/v1/participation/research-calls']['get']['parameters']['query']>;

type JsonBody<T> = T extends { content: { 'application/json': infer B } } | undefined ? B : never;
export type ProposeTopicInput = JsonBody<paths['/api/v1/participation/topics']['post']['requestBody']>;
export type UpdateTopicInput = JsonBody<paths['/api/v1/participation/topics/{id}']['put']['requestBody']>;
export type PublishCallInput = JsonBody<paths['/api/v1/participation/research-calls']['post']['requestBody']>;
export type ContractInput = JsonBody<paths['/api/v1/participation/topics/{id}/contract']['post']['requestBody']>;

export const TOPIC_STATUSES: TopicStatus[] = [
  'Draft', 'Submitted', 'UnderSelection', 'Selected', 'NotSelected', 'Contracted', 'InProgress', 'UnderAcceptance', 'Accepted', 'NotAccepted', 'Applied', 'Withdrawn', 'Cancelled', 'Closed',
];
export const SOURCES: TopicFundingSource[] = ['UnionFunds', 'StateBudget', 'Sponsor', 'Other'];

const ROOT = ['participation', 'topics'] as const;
const CALLS = ['participation', 'research-calls'] as const;
export const topicQueryKey = (id: string) => [...ROOT, 'detail', id] as const;

export function useResearchCalls(query: ListCallsQuery = {}) {
  return useQuery({
    queryKey: [...CALLS, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/participation/research-calls', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useResearchCall(id: string | undefined) {
  return useQuery({
    queryKey: [...CALLS, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/participation/research-calls/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function usePublishCall() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ data, idempotencyKey }: { data: PublishCallInput; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/participation/research-calls', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: data })),
    onSuccess: () => void client.invalidateQueries({ queryKey: CALLS }),
  });
}

export function useTopics(query: ListTopicsQuery, enabled = true) {
  return useQuery({
    queryKey: [...ROOT, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/participation/topics', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTopic(id: string) {
  return useQuery({
    queryKey: topicQueryKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/participation/topics/{id}', { params: { path: { id } } })),
  });
}

function useSaved() {
  const client = useQueryClient();
  return (saved: TopicDetail) => {
    client.setQueryData(topicQueryKey(saved.id), saved);
    void client.invalidateQueries({ queryKey: [...ROOT, 'list'] });
    void client.invalidateQueries({ queryKey: CALLS });
  };
}

export function useProposeTopic() {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: ({ data, idempotencyKey }: { data: ProposeTopicInput; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/participation/topics', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: data })),
    onSuccess,
  });
}

export function useUpdateTopic() {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: ({ id, version, data }: { id: string; version: number; data: UpdateTopicInput }) =>
      unwrap(api.PUT('/api/v1/participation/topics/{id}', { params: { path: { id }, header: { 'If-Match': `"${version}"` } }, body: data })),
    onSuccess,
  });
}

/** Removes a proposal document from a draft, with the topic's version as If-Match; the topic is read again. */
export function useDeleteTopicAttachment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, attachmentId }: { id: string; version: number; attachmentId: string }) =>
      unwrap(
        api.DELETE('/api/v1/participation/topics/{id}/attachments/{attachmentId}', {
          params: { path: { id, attachmentId }, header: { 'If-Match': `"${version}"` } },
        }),
      ),
    onSuccess: (_: unknown, v) => void client.invalidateQueries({ queryKey: topicQueryKey(v.id) }),
  });
}

export type TopicStep =
  | { step: 'submit' }
  | { step: 'withdraw'; reason: string }
  | { step: 'cancel'; reason: string }
  | { step: 'close'; note?: string | null }
  | { step: 'contract'; data: ContractInput }
  | { step: 'report'; milestoneId: string; completedOn: string; report: string }
  | { step: 'extension'; milestoneId: string; newDueDate: string; reason: string }
  | { step: 'decideExtension'; extensionId: string; grant: boolean; note?: string | null }
  | { step: 'application'; appliedAt: string; appliedSince: string; results?: string | null };

/** A lifecycle step with the topic's version as If-Match (412 when someone changed it meanwhile). */
function runStep(topic: Pick<TopicDetail, 'id' | 'version'>, s: TopicStep) {
  const params = { path: { id: topic.id }, header: { 'If-Match': `"${topic.version}"` } };
  switch (s.step) {
    case 'submit':
      return unwrap(api.POST('/api/v1/participation/topics/{id}/submit', { params }));
    case 'withdraw':
      return unwrap(api.POST('/api/v1/participation/topics/{id}/withdraw', { params, body: { reason: s.reason } }));
    case 'cancel':
      return unwrap(api.POST('/api/v1/participation/topics/{id}/cancel', { params, body: { reason: s.reason } }));
    case 'close':
      return unwrap(api.POST('/api/v1/participation/topics/{id}/close', { params, body: { note: s.note ?? null } }));
    case 'contract':
      return unwrap(api.POST('/api/v1/participation/topics/{id}/contract', { params, body: s.data }));
    case 'report':
      return unwrap(
        api.POST('/api/v1/participation/topics/{id}/milestones/{milestoneId}/report', {
          params: { ...params, path: { id: topic.id, milestoneId: s.milestoneId } },
          body: { completedOn: s.completedOn, report: s.report },
        }),
      );
    case 'extension':
      return unwrap(
        api.POST('/api/v1/participation/topics/{id}/extensions', { params, body: { milestoneId: s.milestoneId, newDueDate: s.newDueDate, reason: s.reason } }),
      );
    case 'decideExtension':
      return unwrap(
        api.POST('/api/v1/participation/topics/{id}/extensions/{extensionId}/decide', {
          params: { ...params, path: { id: topic.id, extensionId: s.extensionId } },
          body: { grant: s.grant, note: s.note ?? null },
        }),
      );
    case 'application':
      return unwrap(
        api.POST('/api/v1/participation/topics/{id}/application', { params, body: { appliedAt: s.appliedAt, appliedSince: s.appliedSince, results: s.results ?? null } }),
      );
  }
}

export function useTopicStep(topic: Pick<TopicDetail, 'id' | 'version'>) {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: (s: TopicStep) => runStep(topic, s), onSuccess });
}
