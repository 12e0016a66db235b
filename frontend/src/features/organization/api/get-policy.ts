import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';

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
