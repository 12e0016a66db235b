import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

export type SubscriptionsQuery = NonNullable<paths['/api/v1/admin/webhooks']['get']['parameters']['query']>;
export type DeliveriesQuery = NonNullable<paths['/api/v1/admin/webhooks/{id}/deliveries']['get']['parameters']['query']>;
export type CreateSubscriptionInput = paths['/api/v1/admin/webhooks']['post'] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export const listSubscriptions = (query: SubscriptionsQuery) => unwrap(api.GET('/api/v1/admin/webhooks', { params: { query } }));
export type SubscriptionView = Awaited<ReturnType<typeof listSubscriptions>>['items'][number];

export const listDeliveries = (id: string, query: DeliveriesQuery) =>
  unwrap(api.GET('/api/v1/admin/webhooks/{id}/deliveries', { params: { path: { id }, query } }));
export type DeliveryView = Awaited<ReturnType<typeof listDeliveries>>['items'][number];

export const webhookKeys = {
  all: ['admin', 'webhooks'] as const,
  list: (q: SubscriptionsQuery) => ['admin', 'webhooks', 'list', q] as const,
  deliveries: (id: string, q: DeliveriesQuery) => ['admin', 'webhooks', 'deliveries', id, q] as const,
};

export const useSubscriptions = (query: SubscriptionsQuery) =>
  useQuery({ queryKey: webhookKeys.list(query), queryFn: () => listSubscriptions(query) });

export const useDeliveries = (id: string | undefined, query: DeliveriesQuery) =>
  useQuery({ queryKey: webhookKeys.deliveries(id ?? '', query), queryFn: () => listDeliveries(id!, query), enabled: !!id });

export const useEventTypes = () =>
  useQuery({ queryKey: ['admin', 'webhook-event-types'], queryFn: () => unwrap(api.GET('/api/v1/admin/webhooks/event-types')), staleTime: Infinity });

export const createSubscription = ({ data, idempotencyKey }: { data: CreateSubscriptionInput; idempotencyKey: string }) =>
  unwrap(api.POST('/api/v1/admin/webhooks', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: data }));

export const setSubscriptionDisabled = ({ id, disabled }: { id: string; disabled: boolean }) =>
  disabled
    ? unwrap(api.POST('/api/v1/admin/webhooks/{id}/disable', { params: { path: { id } } }))
    : unwrap(api.POST('/api/v1/admin/webhooks/{id}/enable', { params: { path: { id } } }));

export const sendTestEvent = ({ id, idempotencyKey }: { id: string; idempotencyKey: string }) =>
  unwrap(api.POST('/api/v1/admin/webhooks/{id}/test', { params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } } }));

export const redeliver = ({ id, deliveryId }: { id: string; deliveryId: string }) =>
  unwrap(api.POST('/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id, deliveryId } } }));

export const deleteSubscription = ({ id }: { id: string }) => unwrap(api.DELETE('/api/v1/admin/webhooks/{id}', { params: { path: { id } } }));

export function useWebhookMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhookKeys.all }) });
}
