import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { fileNameOf, saveBlob } from '@/lib/api/download';
import { ApiError } from '@/lib/api/problem';
import type { components, paths } from '@/lib/api/schema';

export type ListCouncilsQuery = NonNullable<paths['/api/v1/participation/councils']['get']['parameters']['query']>;
export type CouncilListItem = components['schemas']['Participation_Councils_CouncilListItem'];
export type CouncilDetail = components['schemas']['Participation_Councils_CouncilDetail'];
export type CouncilItemView = components['schemas']['Participation_Councils_CouncilItemView'];
export type CouncilScoreView = components['schemas']['Participation_Councils_CouncilScoreView'];
export type CouncilRole = components['schemas']['Participation_Domain_CouncilRole'];
export type CouncilStatus = components['schemas']['Participation_Domain_CouncilStatus'];
export type CouncilItemOutcome = components['schemas']['Participation_Domain_CouncilItemOutcome'];
export type CouncilItemKind = components['schemas']['Participation_Domain_CouncilItemKind'];
export type TopicCriterion = components['schemas']['Participation_Domain_TopicCriterion'];

/** The criteria a member scores a research topic on, 1–10 each (rule set DT-2024.1). */
export const TOPIC_CRITERIA: TopicCriterion[] = ['PracticalSignificance', 'Applicability', 'ExpectedEfficiency', 'Feasibility'];
export type CouncilFindingInput = components['schemas']['Participation_Councils_CouncilFindingInput'];

type JsonBody<T> = T extends { content: { 'application/json': infer B } } | undefined ? B : never;
export type FormCouncilInput = JsonBody<paths['/api/v1/participation/councils']['post']['requestBody']>;

/** The seats in the order of Circular 18/2013/TT-BKHCN art. 8(1). */
export const ROLES: CouncilRole[] = ['Chair', 'ViceChair', 'Secretary', 'Expert', 'UnionRepresentative'];
export const COUNCIL_STATUSES: CouncilStatus[] = ['Open', 'Closed'];
export const COUNCIL_KINDS: CouncilItemKind[] = ['Initiative', 'TopicSelection', 'TopicAcceptance', 'Commendation'];

const ROOT = ['participation', 'councils'] as const;
const LIST_KEY = [...ROOT, 'list'] as const;
export const councilQueryKey = (id: string) => [...ROOT, 'detail', id] as const;

export function useCouncils(query: ListCouncilsQuery, enabled = true) {
  return useQuery({
    queryKey: [...LIST_KEY, query],
    queryFn: () => unwrap(api.GET('/api/v1/participation/councils', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export async function getCouncil(id: string) {
  return unwrap(api.GET('/api/v1/participation/councils/{id}', { params: { path: { id } } }));
}

export function useCouncil(id: string) {
  return useQuery({ queryKey: councilQueryKey(id), queryFn: () => getCouncil(id) });
}

function useSaved() {
  const client = useQueryClient();
  return (council: CouncilDetail) => {
    client.setQueryData(councilQueryKey(council.id), council);
    void client.invalidateQueries({ queryKey: LIST_KEY });
    // The items' status moved (under review, then decided).
    void client.invalidateQueries({ queryKey: ['participation', 'initiatives'] });
    void client.invalidateQueries({ queryKey: ['participation', 'topics'] });
    void client.invalidateQueries({ queryKey: ['participation', 'commendations'] });
  };
}

export function useFormCouncil() {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: ({ data, idempotencyKey }: { data: FormCouncilInput; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/participation/councils', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: data })),
    onSuccess,
  });
}

export type CouncilStep =
  | { step: 'score'; itemId: string; findings: CouncilFindingInput[]; agree: boolean; comment?: string | null }
  | { step: 'vote'; itemId: string; agree: boolean; comment?: string | null }
  | { step: 'conflict'; itemId: string; reason: string }
  | { step: 'close'; decisionNumber: string; decisionDate: string };

function runStep(id: string, s: CouncilStep) {
  switch (s.step) {
    case 'score':
      return unwrap(
        api.PUT('/api/v1/participation/councils/{id}/items/{itemId}/score', {
          params: { path: { id, itemId: s.itemId } },
          body: { findings: s.findings, agree: s.agree, comment: s.comment ?? null },
        }),
      );
    case 'vote':
      return unwrap(
        api.PUT('/api/v1/participation/councils/{id}/items/{itemId}/vote', {
          params: { path: { id, itemId: s.itemId } },
          body: { agree: s.agree, comment: s.comment ?? null },
        }),
      );
    case 'conflict':
      return unwrap(
        api.POST('/api/v1/participation/councils/{id}/items/{itemId}/conflict', { params: { path: { id, itemId: s.itemId } }, body: { reason: s.reason } }),
      );
    case 'close':
      return unwrap(
        api.POST('/api/v1/participation/councils/{id}/close', {
          params: { path: { id } },
          body: { decisionNumber: s.decisionNumber, decisionDate: s.decisionDate },
        }),
      );
  }
}

export function useCouncilStep(id: string) {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: (s: CouncilStep) => runStep(id, s), onSuccess });
}

/** The council's decision (.docx, Decree 30/2020/NĐ-CP layout), downloaded with the bearer token. */
export async function downloadDecision(id: string) {
  const { data, response } = await api.GET('/api/v1/participation/councils/{id}/decision.docx', { params: { path: { id } }, parseAs: 'blob' });
  if (!data) throw new ApiError(response.status, { status: response.status });
  saveBlob(data as Blob, fileNameOf(response, 'quyet-dinh.docx'));
}

/** A closed topic or initiative council's minutes (.xlsx: members, per-member scores, averages, quorum, outcome), downloaded with the bearer token. */
export async function downloadMinutes(id: string) {
  const { data, response } = await api.GET('/api/v1/participation/councils/{id}/minutes.xlsx', { params: { path: { id } }, parseAs: 'blob' });
  if (!data) throw new ApiError(response.status, { status: response.status });
  saveBlob(data as Blob, fileNameOf(response, 'bien-ban-hoi-dong.xlsx'));
}

/** Officials of the units in the caller's scope (the Organization officials list), searched on the server: the member pickers. */
export function useOfficialsToSeat(q: string, enabled: boolean) {
  const query = { q: q || undefined, pageSize: 20, sort: 'fullName' };
  return useQuery({
    queryKey: ['organization', 'officials', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/organization/officials', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}
