import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

export type UsersQuery = NonNullable<paths['/api/v1/admin/users']['get']['parameters']['query']>;
export type CreateUserInput = paths['/api/v1/admin/users']['post'] extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never;

export const listUsers = (query: UsersQuery) => unwrap(api.GET('/api/v1/admin/users', { params: { query } }));
export type UserView = Awaited<ReturnType<typeof listUsers>>['items'][number];

export const userKeys = { all: ['admin', 'users'] as const, list: (q: UsersQuery) => ['admin', 'users', 'list', q] as const };

export const useUsers = (query: UsersQuery) => useQuery({ queryKey: userKeys.list(query), queryFn: () => listUsers(query) });

export const createUser = ({ data, idempotencyKey }: { data: CreateUserInput; idempotencyKey: string }) =>
  unwrap(api.POST('/api/v1/admin/users', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: data }));

export const grantRole = ({ id, role, unitId, idempotencyKey }: { id: string; role: string; unitId: string; idempotencyKey: string }) =>
  unwrap(api.POST('/api/v1/admin/users/{id}/grants', { params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } }, body: { role, unitId } as never }));

export const revokeGrant = ({ id, grantId }: { id: string; grantId: string }) =>
  unwrap(api.DELETE('/api/v1/admin/users/{id}/grants/{grantId}', { params: { path: { id, grantId } } }));

export const setUserDisabled = ({ id, disabled }: { id: string; disabled: boolean }) =>
  disabled
    ? unwrap(api.POST('/api/v1/admin/users/{id}/disable', { params: { path: { id } } }))
    : unwrap(api.POST('/api/v1/admin/users/{id}/enable', { params: { path: { id } } }));

/** A temporary password, shown once, that the user must change at first sign-in. */
export const resetPassword = ({ id }: { id: string }) => unwrap(api.POST('/api/v1/admin/users/{id}/reset-password', { params: { path: { id } } }));

export function useUserMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }) });
}
