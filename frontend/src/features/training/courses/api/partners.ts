import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { ApiError } from '@/lib/api/problem';
import { fileNameOf, saveBlob } from '@/lib/api/download';
import { fileUpload } from '@/lib/api/file-upload';

type Schemas = components['schemas'];
export type PartnerListItem = Schemas['Training_Partners_PartnerListItem'];
export type PartnerDetail = Schemas['Training_Partners_PartnerDetail'];
export type PartnerKind = Schemas['Training_Domain_PartnerKind'];
export type PartnerInput = Schemas['Training_Partners_CreatePartner'];
export type InstructorView = Schemas['Training_Partners_InstructorView'];

export const PARTNER_KINDS: PartnerKind[] = ['University', 'ScienceDepartment', 'TrainingCentre', 'ResearchInstitute', 'Other'];

const KEY = ['training', 'partners'] as const;

export function usePartners(query: { page?: number; pageSize?: number; q?: string; sort?: string }) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/training/partners', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePartner(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/training/partners/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** The partner's venues (#16): the rooms of its sessions and its courses' venues, each once. */
export function usePartnerVenues(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'venues', id],
    queryFn: () => unwrap(api.GET('/api/v1/training/partners/{id}/venues', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export async function createPartner(body: PartnerInput) {
  return unwrap(api.POST('/api/v1/training/partners', { params: { header: { 'Idempotency-Key': crypto.randomUUID() } }, body }));
}

export async function updatePartner(partner: Pick<PartnerDetail, 'id' | 'version'>, body: PartnerInput) {
  return unwrap(
    api.PUT('/api/v1/training/partners/{id}', {
      params: { path: { id: partner.id }, header: { 'If-Match': `"${partner.version}"` } },
      body,
    }),
  );
}

export async function linkMember(partnerId: string, email: string) {
  return unwrap(api.POST('/api/v1/training/partners/{id}/members', { params: { path: { id: partnerId } }, body: { email } }));
}

export async function unlinkMember(partnerId: string, userId: string) {
  return unwrap(api.DELETE('/api/v1/training/partners/{id}/members/{userId}', { params: { path: { id: partnerId, userId } } }));
}

export async function addInstructor(partnerId: string, body: { fullName: string; email?: string | null; expertise?: string | null }) {
  return unwrap(
    api.POST('/api/v1/training/partners/{id}/instructors', {
      params: { path: { id: partnerId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
      body,
    }),
  );
}

export function usePartnerMutation<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

/** The agreement's file: one per agency, a new upload replaces it (the attachment rules of components/attachments). */
export async function uploadAgreement(partnerId: string, file: File) {
  return unwrap(
    api.POST('/api/v1/training/partners/{id}/agreement', {
      params: { path: { id: partnerId } },
      ...fileUpload(file),
    }),
  );
}

/** Downloads with the bearer token (a plain link would not carry it). */
export async function downloadAgreement(partnerId: string, fileName: string) {
  const { data, response } = await api.GET('/api/v1/training/partners/{id}/agreement', { params: { path: { id: partnerId } }, parseAs: 'blob' });
  if (!data) throw new ApiError(response.status, { status: response.status });
  saveBlob(data as Blob, fileNameOf(response, fileName));
}
