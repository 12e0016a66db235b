import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { saveBlob } from '@/lib/api/download';
import { fileUpload } from '@/lib/api/file-upload';
import { ApiError } from '@/lib/api/problem';
import type { components, paths } from '@/lib/api/schema';

export type ListCampaignsQuery = NonNullable<paths['/api/v1/training/campaigns']['get']['parameters']['query']>;
export type CampaignListItem = components['schemas']['Training_Campaigns_CampaignListItem'];
export type CampaignDetail = components['schemas']['Training_Campaigns_CampaignDetail'];
export type CampaignMaterial = components['schemas']['Training_Campaigns_CampaignMaterialView'];
export type ReachReport = components['schemas']['Training_Campaigns_ReachReportView'];
export type ReachTotals = components['schemas']['Training_Campaigns_ReachTotals'];
export type CampaignChannel = components['schemas']['Training_Domain_CampaignChannel'];
export type CampaignAudience = components['schemas']['Training_Domain_CampaignAudience'];
export type CampaignStatus = components['schemas']['Training_Domain_CampaignStatus'];

type JsonBody<T> = T extends { content: { 'application/json': infer B } } | undefined ? B : never;
export type CreateCampaignInput = JsonBody<paths['/api/v1/training/campaigns']['post']['requestBody']>;
export type UpdateCampaignInput = JsonBody<paths['/api/v1/training/campaigns/{id}']['put']['requestBody']>;

export const CHANNELS: CampaignChannel[] = ['Meeting', 'Newsletter', 'Radio', 'SocialMedia', 'Banner', 'Contest', 'Other'];
export const AUDIENCES: CampaignAudience[] = ['Officials', 'Members', 'Workers', 'WomenWorkers', 'Youth', 'Other'];
export const STATUSES: CampaignStatus[] = ['Upcoming', 'Running', 'Ended'];

const ROOT = ['training', 'campaigns'] as const;
const LIST_KEY = [...ROOT, 'list'] as const;
export const campaignQueryKey = (id: string) => [...ROOT, 'detail', id] as const;
const totalsKey = (id: string) => [...ROOT, 'totals', id] as const;

export function useCampaigns(query: ListCampaignsQuery) {
  return useQuery(
    queryOptions({
      queryKey: [...LIST_KEY, query],
      queryFn: () => unwrap(api.GET('/api/v1/training/campaigns', { params: { query } })),
      placeholderData: keepPreviousData,
    }),
  );
}

const withEtag = (data: CampaignDetail | undefined, response: Response) => {
  if (!data) throw new ApiError(response.status, { status: response.status });
  return { campaign: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
};

/** The campaign and the ETag to send back as If-Match when saving it. */
export async function getCampaign(id: string) {
  const { data, response } = await api.GET('/api/v1/training/campaigns/{id}', { params: { path: { id } } });
  return withEtag(data, response);
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: campaignQueryKey(id), queryFn: () => getCampaign(id) });
}

export function useCampaignTotals(id: string, within?: string) {
  return useQuery({
    queryKey: [...totalsKey(id), within ?? null],
    queryFn: () =>
      unwrap(api.GET('/api/v1/training/campaigns/{id}/totals', { params: { path: { id }, query: within ? { within } : {} } })),
  });
}

function useSaved() {
  const queryClient = useQueryClient();
  return (saved: { campaign: CampaignDetail; etag: string }) => {
    queryClient.setQueryData(campaignQueryKey(saved.campaign.id), saved);
    void queryClient.invalidateQueries({ queryKey: LIST_KEY });
    void queryClient.invalidateQueries({ queryKey: totalsKey(saved.campaign.id) });
  };
}

export function useCreateCampaign() {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: async ({ data, idempotencyKey }: { data: CreateCampaignInput; idempotencyKey: string }) => {
      const { data: created, response } = await api.POST('/api/v1/training/campaigns', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body: data,
      });
      return withEtag(created, response);
    },
    onSuccess,
  });
}

export function useUpdateCampaign() {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: async ({ id, data, etag }: { id: string; data: UpdateCampaignInput; etag: string }) => {
      const { data: saved, response } = await api.PUT('/api/v1/training/campaigns/{id}', {
        params: { path: { id }, header: { 'If-Match': etag } },
        body: data,
      });
      return withEtag(saved, response);
    },
    onSuccess,
  });
}

export interface ReachInput {
  campaignId: string;
  unitId: string;
  period: string;
  eventsHeld: number;
  peopleReached: number;
  womenReached: number;
  note?: string | null;
}

/** Reports (or corrects) a unit's reach for a quarter: the API upserts, one report per unit, campaign and quarter. */
export function useSubmitReach() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ campaignId, unitId, period, ...body }: ReachInput) =>
      unwrap(
        api.PUT('/api/v1/training/campaigns/{id}/reach-reports/{unitId}/{period}', {
          params: { path: { id: campaignId, unitId, period } },
          body: { ...body, note: body.note ?? null },
        }),
      ),
    onSuccess: (report) => {
      void queryClient.invalidateQueries({ queryKey: campaignQueryKey(report.campaignId) });
      void queryClient.invalidateQueries({ queryKey: totalsKey(report.campaignId) });
    },
  });
}

/** Uploads one material as multipart/form-data (field `file`), with the bearer token of the API client. */
export function useUploadMaterial() {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: async ({ campaignId, file }: { campaignId: string; file: File }) => {
      const { data, response } = await api.POST('/api/v1/training/campaigns/{id}/materials', {
        params: { path: { id: campaignId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
        ...fileUpload(file),
      });
      return withEtag(data, response);
    },
    onSuccess,
  });
}

export function useDownloadMaterial() {
  return useMutation({
    mutationFn: async ({ campaignId, material }: { campaignId: string; material: CampaignMaterial }) => {
      const { data, response } = await api.GET('/api/v1/training/campaigns/{id}/materials/{materialId}', {
        params: { path: { id: campaignId, materialId: material.id } },
        parseAs: 'blob',
      });
      if (!data) throw new ApiError(response.status, { status: response.status });
      saveBlob(data, material.fileName);
    },
  });
}
