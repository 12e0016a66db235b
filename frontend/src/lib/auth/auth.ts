import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { api, publicApi, unwrap } from '@/lib/api/client';
import { session, type TokenSet } from './session';
import type { Permission } from '@/config/permissions';

export async function getMe() {
  return unwrap(api.GET('/api/v1/me'));
}

export type Me = Awaited<ReturnType<typeof getMe>>;
export type Grant = Me['grants'][number];

export const meQueryOptions = () =>
  queryOptions({ queryKey: ['me'], queryFn: getMe, staleTime: 5 * 60_000, retry: false });

export function useMe() {
  return useQuery(meQueryOptions());
}

/** The signed-in user; only call it below the protected route, which waits for `/me`. */
export function useUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useUser() called outside the protected area');
  return data;
}

export function hasPermission(me: Pick<Me, 'permissions'> | undefined, permission: Permission): boolean {
  return !!me?.permissions.includes(permission);
}

export function useHasPermission(permission: Permission): boolean {
  const { data } = useMe();
  return hasPermission(data, permission);
}

export function useSessionStatus() {
  return useSyncExternalStore(session.subscribe, session.getStatus, session.getStatus);
}

export type LoginInput = { email: string; password: string };

export async function login(input: LoginInput) {
  // The refresh token comes back as an HttpOnly cookie, never to this script (ADR 0012).
  const tokens = await unwrap(publicApi.POST('/api/v1/auth/login', { body: { ...input, useCookie: true } }));
  session.signIn(tokens as TokenSet);
  return tokens;
}

export type ChangePasswordInput = { currentPassword: string; newPassword: string };

/** Chooses a new password; the answer is a new session (every other one ends), taken like a login's. */
export async function changeMyPassword(input: ChangePasswordInput) {
  const tokens = await unwrap(api.POST('/api/v1/me/password', { body: { ...input, useCookie: true } }));
  session.signIn(tokens as TokenSet);
  return tokens;
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    const hadSession = session.hasSession();
    session.signOut('signed-out');
    queryClient.clear();
    if (hadSession) {
      // Revokes the cookie's session and clears the cookie. Best effort: the local session is gone whatever the server answers.
      await publicApi.POST('/api/v1/auth/logout', { body: {} }).catch(() => undefined);
    }
  }, [queryClient]);
}
