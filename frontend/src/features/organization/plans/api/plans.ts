import { keepPreviousData, queryOptions, useQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths, components } from '@/lib/api/schema';
import { ApiError } from '@/lib/api/problem';

export type GetPlansQuery = NonNullable<paths['/api/v1/organization/plans']['get']['parameters']['query']>;

export async function getPlans(query: GetPlansQuery) {
  return unwrap(api.GET('/api/v1/organization/plans', { params: { query } }));
}

export type PlanPage = Awaited<ReturnType<typeof getPlans>>;
export type PlanListItem = PlanPage['items'][number];

export const getPlansQueryOptions = (query: GetPlansQuery) =>
  queryOptions({
    queryKey: ['organization', 'plans', 'list', query],
    queryFn: () => getPlans(query),
    placeholderData: keepPreviousData,
  });

export function usePlans(query: GetPlansQuery) {
  return useQuery(getPlansQueryOptions(query));
}

export async function getPlan(id: string) {
  return unwrap(api.GET('/api/v1/organization/plans/{id}', { params: { path: { id } } }));
}

export type PlanDetail = Awaited<ReturnType<typeof getPlan>>;
export type PlanSection = PlanDetail['sections'][number];
export type PlanIndicator = PlanDetail['indicators'][number];

export const planQueryKey = (id: string) => ['organization', 'plans', 'detail', id] as const;

export const getPlanQueryOptions = (id: string) => queryOptions({ queryKey: planQueryKey(id), queryFn: () => getPlan(id) });

export function usePlan(id: string) {
  return useQuery(getPlanQueryOptions(id));
}

type Schemas = components['schemas'];
export type CreatePlanInput = Schemas['Organization_Plans_CreatePlan'];
/** The body of the PUT: the create's fields without the issuing unit, which never changes. */
export type UpdatePlanInput = Schemas['Organization_Plans_UpdatePlan'];

/** The plan and the ETag to send back as If-Match when saving it. */
export async function getPlanForEdit(id: string) {
  const { data, response } = await api.GET('/api/v1/organization/plans/{id}', { params: { path: { id } } });
  if (!data) throw new ApiError(response.status, { status: response.status });
  return { plan: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
}

export const planForEditQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['organization', 'plans', 'edit', id] as const, queryFn: () => getPlanForEdit(id), staleTime: 0 });

export function usePlanForEdit(id: string) {
  return useQuery(planForEditQueryOptions(id));
}

/** The idempotency key stays the same across retries of one submission, so a retry never records the plan twice. */
export async function createPlan({ data, idempotencyKey }: { data: CreatePlanInput; idempotencyKey: string }) {
  const result = await api.POST('/api/v1/organization/plans', {
    params: { header: { 'Idempotency-Key': idempotencyKey } },
    body: data,
  });
  if (!result.data) throw new ApiError(result.response.status, { status: result.response.status });
  return result.data;
}

/** Saves with If-Match, so a change made by someone else in between comes back as 412 instead of being lost. */
export async function updatePlan({ id, etag, data }: { id: string; etag: string; data: UpdatePlanInput }) {
  const result = await api.PUT('/api/v1/organization/plans/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body: data,
  });
  if (!result.data) throw new ApiError(result.response.status, { status: result.response.status });
  return result.data;
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlan,
    onSuccess: (plan) => {
      queryClient.setQueryData(planQueryKey(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: ['organization', 'plans', 'list'] });
    },
  });
}

export function useUpdatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePlan,
    onSuccess: (plan) => {
      queryClient.setQueryData(planQueryKey(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: ['organization', 'plans', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['organization', 'plans', 'edit', plan.id] });
    },
  });
}
