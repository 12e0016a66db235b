import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

type Body<P extends keyof paths, M extends 'post' | 'put'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type ClientsQuery = NonNullable<paths['/api/v1/admin/clients']['get']['parameters']['query']>;
export type CreateClientInput = Body<'/api/v1/admin/clients', 'post'>;
export type UpdateClientInput = Body<'/api/v1/admin/clients/{id}', 'put'>;

/** Integrator clients bound to units in the caller's scope. */
export const listClients = (query: ClientsQuery) => unwrap(api.GET('/api/v1/admin/clients', { params: { query } }));
export type ClientView = Awaited<ReturnType<typeof listClients>>['items'][number];

export const clientKeys = { all: ['admin', 'clients'] as const, list: (q: ClientsQuery) => ['admin', 'clients', 'list', q] as const };

export const clientsQueryOptions = (query: ClientsQuery) => queryOptions({ queryKey: clientKeys.list(query), queryFn: () => listClients(query) });
export const useClients = (query: ClientsQuery) => useQuery(clientsQueryOptions(query));

export const useApiScopes = () =>
  useQuery({ queryKey: ['admin', 'api-scopes'], queryFn: () => unwrap(api.GET('/api/v1/admin/clients/scopes')), staleTime: Infinity });

/** Creates a client; the answer carries its secret, shown once. The key keeps a retried submission from creating twice. */
export const createClient = ({ data, idempotencyKey }: { data: CreateClientInput; idempotencyKey: string }) =>
  unwrap(api.POST('/api/v1/admin/clients', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: data }));
export type ClientWithSecret = Awaited<ReturnType<typeof createClient>>;

export const rotateClientSecret = ({ id, overlapHours }: { id: string; overlapHours?: number }) =>
  unwrap(api.POST('/api/v1/admin/clients/{id}/rotate-secret', { params: { path: { id } }, body: { overlapHours } as never }));

export const setClientDisabled = ({ id, disabled }: { id: string; disabled: boolean }) =>
  disabled
    ? unwrap(api.POST('/api/v1/admin/clients/{id}/disable', { params: { path: { id } } }))
    : unwrap(api.POST('/api/v1/admin/clients/{id}/enable', { params: { path: { id } } }));

export const updateClient = ({ id, data }: { id: string; data: UpdateClientInput }) =>
  unwrap(api.PUT('/api/v1/admin/clients/{id}', { params: { path: { id } }, body: data }));

/** A client mutation that refreshes the lists once it succeeds. */
export function useClientMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: clientKeys.all }) });
}
