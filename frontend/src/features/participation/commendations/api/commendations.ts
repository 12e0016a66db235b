import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { fileNameOf, saveBlob } from '@/lib/api/download';
import { ApiError } from '@/lib/api/problem';
import type { components, paths } from '@/lib/api/schema';

export type ProposalDetail = components['schemas']['Participation_Commendations_ProposalDetail'];
export type ProposalListItem = components['schemas']['Participation_Commendations_ProposalListItem'];
export type EligibilityView = components['schemas']['Participation_Commendations_EligibilityView'];
export type CatalogueView = components['schemas']['Participation_Commendations_CatalogueView'];
export type RuleResultView = components['schemas']['Participation_Commendations_RuleResultView'];
export type CommendationVoteView = components['schemas']['Participation_Commendations_CommendationVoteView'];
export type ProposalStatus = components['schemas']['Participation_Domain_ProposalStatus'];
export type CommendationHistoryItem = components['schemas']['Participation_Commendations_CommendationHistoryItem'];
export type HistoryQuery = NonNullable<paths['/api/v1/participation/commendations/history']['get']['parameters']['query']>;
export type MyCommendationsQuery = NonNullable<paths['/api/v1/participation/commendations/mine']['get']['parameters']['query']>;
export type ListProposalsQuery = NonNullable<paths['/api/v1/participation/commendations/proposals']['get']['parameters']['query']>;

type JsonBody<T> = T extends { content: { 'application/json': infer B } } | undefined ? B : never;
export type CreateProposalInput = JsonBody<paths['/api/v1/participation/commendations/proposals']['post']['requestBody']>;
export type EligibilityInput = JsonBody<paths['/api/v1/participation/commendations/eligibility']['post']['requestBody']>;

const ROOT = ['participation', 'commendations'] as const;
const etag = (version: number) => `"${version}"`;

export function useCatalogue(year: number) {
  return useQuery({
    queryKey: [...ROOT, 'forms', year],
    queryFn: () => unwrap(api.GET('/api/v1/participation/commendations/forms', { params: { query: { year } } })),
  });
}

export function useProposals(query: ListProposalsQuery, enabled = true) {
  return useQuery({
    queryKey: [...ROOT, 'proposals', query],
    queryFn: () => unwrap(api.GET('/api/v1/participation/commendations/proposals', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: [...ROOT, 'proposal', id],
    queryFn: () => unwrap(api.GET('/api/v1/participation/commendations/proposals/{id}', { params: { path: { id } } })),
  });
}

/** The commendations received by a unit's subtree or by one person (only when one of them is chosen). */
export function useCommendationHistory(query: HistoryQuery) {
  return useQuery({
    queryKey: [...ROOT, 'history', query],
    queryFn: () => unwrap(api.GET('/api/v1/participation/commendations/history', { params: { query } })),
    enabled: !!(query.unitId || query.officialId),
    placeholderData: keepPreviousData,
  });
}

/** "Khen thưởng của tôi": the commendations awarded to the signed-in person. */
export function useMyCommendations(query: MyCommendationsQuery) {
  return useQuery({
    queryKey: [...ROOT, 'mine', query],
    queryFn: () => unwrap(api.GET('/api/v1/participation/commendations/mine', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The live eligibility panel: re-run whenever the form, year or nominees change (nothing saved). */
export function useEligibility(input: EligibilityInput | undefined) {
  return useQuery({
    queryKey: [...ROOT, 'eligibility', input],
    queryFn: () => unwrap(api.POST('/api/v1/participation/commendations/eligibility', { body: input! })),
    enabled: !!input,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useCreateProposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ data, idempotencyKey }: { data: CreateProposalInput; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/participation/commendations/proposals', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: data })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ROOT }),
  });
}

export type ProposalStep =
  | { kind: 'submit'; exceptionRequest?: string }
  | { kind: 'approve'; decisionNumber: string; decisionDate: string; issuer: string; overrideReason?: string }
  | { kind: 'refuse'; reason: string };

export function useProposalStep(p: Pick<ProposalDetail, 'id' | 'version'>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (s: ProposalStep) => {
      const params = { path: { id: p.id }, header: { 'If-Match': etag(p.version) } };
      if (s.kind === 'submit')
        return unwrap(api.POST('/api/v1/participation/commendations/proposals/{id}/submit', { params, body: { exceptionRequest: s.exceptionRequest ?? null } }));
      if (s.kind === 'approve')
        return unwrap(
          api.POST('/api/v1/participation/commendations/proposals/{id}/approve', {
            params,
            body: { decisionNumber: s.decisionNumber, decisionDate: s.decisionDate, issuer: s.issuer, overrideReason: s.overrideReason ?? null },
          }),
        );
      return unwrap(api.POST('/api/v1/participation/commendations/proposals/{id}/refuse', { params, body: { reason: s.reason } }));
    },
    onSuccess: (saved) => {
      client.setQueryData([...ROOT, 'proposal', saved.id], saved);
      void client.invalidateQueries({ queryKey: ROOT });
    },
  });
}

/** The commendation decision (.docx, Decree 30/2020/NĐ-CP layout, honourees in the annex), downloaded with the bearer token. */
export async function downloadCommendationDecision(id: string) {
  const { data, response } = await api.GET('/api/v1/participation/commendations/proposals/{id}/decision.docx', { params: { path: { id } }, parseAs: 'blob' });
  if (!data) throw new ApiError(response.status, { status: response.status });
  saveBlob(data as Blob, fileNameOf(response, 'quyet-dinh-khen-thuong.docx'));
}
