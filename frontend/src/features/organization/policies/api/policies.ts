import { keepPreviousData, queryOptions, useQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';
import { ApiError } from '@/lib/api/problem';

export type GetPoliciesQuery = NonNullable<paths['/api/v1/organization/policies']['get']['parameters']['query']>;

export async function getPolicies(query: GetPoliciesQuery) {
  return unwrap(api.GET('/api/v1/organization/policies', { params: { query } }));
}

export type PolicyPage = Awaited<ReturnType<typeof getPolicies>>;
export type PolicyListItem = PolicyPage['items'][number];

export const getPoliciesQueryOptions = (query: GetPoliciesQuery) =>
  queryOptions({
    queryKey: ['organization', 'policies', 'list', query],
    queryFn: () => getPolicies(query),
    placeholderData: keepPreviousData,
  });

export function usePolicies(query: GetPoliciesQuery) {
  return useQuery(getPoliciesQueryOptions(query));
}

/** The policy document and the ETag to send back as If-Match when saving it. */
export async function getPolicy(id: string) {
  const { data, response } = await api.GET('/api/v1/organization/policies/{id}', { params: { path: { id } } });
  if (!data) throw new ApiError(response.status, { status: response.status });
  const etag = response.headers.get('ETag') ?? `"${data.version}"`;
  return { policy: data, etag };
}

export type PolicyWithEtag = Awaited<ReturnType<typeof getPolicy>>;
export type PolicyDetail = PolicyWithEtag['policy'];
export type PolicyAttachment = PolicyDetail['attachments'][number];

export const policyQueryKey = (id: string) => ['organization', 'policies', 'detail', id] as const;

export const getPolicyQueryOptions = (id: string) => queryOptions({ queryKey: policyQueryKey(id), queryFn: () => getPolicy(id) });

export function usePolicy(id: string) {
  return useQuery(getPolicyQueryOptions(id));
}

export type CreatePolicyInput =
  paths['/api/v1/organization/policies']['post']['requestBody'] extends { content: { 'application/json': infer B } } | undefined
    ? B
    : never;

/** The idempotency key stays the same across retries of one submission, so a retry never registers twice. */
export async function createPolicy({ data, idempotencyKey }: { data: CreatePolicyInput; idempotencyKey: string }) {
  const result = await api.POST('/api/v1/organization/policies', {
    params: { header: { 'Idempotency-Key': idempotencyKey } },
    body: data,
  });
  if (!result.data) throw new ApiError(result.response.status, { status: result.response.status });
  return result.data;
}

export function useCreatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPolicy,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization', 'policies'] }),
  });
}

export type UpdatePolicyInput =
  paths['/api/v1/organization/policies/{id}']['put']['requestBody'] extends { content: { 'application/json': infer B } } | undefined
    ? B
    : never;

/** Saves with If-Match, so a change made by someone else in between comes back as 412 instead of being lost. */
export async function updatePolicy({ id, etag, data }: { id: string; etag: string; data: UpdatePolicyInput }) {
  const result = await api.PUT('/api/v1/organization/policies/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body: data,
  });
  if (!result.data) throw new ApiError(result.response.status, { status: result.response.status });
  return { policy: result.data, etag: result.response.headers.get('ETag') ?? `"${result.data.version}"` };
}

export function useUpdatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePolicy,
    onSuccess: (saved) => {
      queryClient.setQueryData(policyQueryKey(saved.policy.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['organization', 'policies', 'list'] });
    },
  });
}
