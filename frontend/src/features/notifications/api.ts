import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type NotificationsPage = components['schemas']['Platform_Notifications_NotificationsPage'];
export type NotificationItem = NotificationsPage['items'][number];

export const notificationsKey = ['me', 'notifications'] as const;

/** How often the bell asks for news while the app is open. */
export const POLL_MS = 60_000;

export function useNotifications() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: () => unwrap(api.GET('/api/v1/me/notifications', { params: { query: { page: 1, pageSize: 10 } } })),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 15_000,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
    // Show it read at once; the next poll confirms.
    onMutate: (id) => {
      queryClient.setQueryData<NotificationsPage>(notificationsKey, (page) =>
        page
          ? {
              ...page,
              unreadCount: Math.max(0, page.unreadCount - (page.items.some((n) => n.id === id && !n.read) ? 1 : 0)),
              items: page.items.map((n) => (n.id === id ? { ...n, read: true } : n)),
            }
          : page,
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
