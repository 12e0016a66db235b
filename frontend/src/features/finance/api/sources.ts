import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type FundingSourceDetail = components['schemas']['Finance_Sources_FundingSourceDetail'];
export type SponsorFundsView = components['schemas']['Finance_Sources_SponsorFundsView'];
export type SponsorReceiptView = components['schemas']['Finance_Sources_SponsorReceiptView'];
export type SponsorPledgeView = components['schemas']['Finance_Sources_SponsorPledgeView'];

export const sourceKey = (id: string) => ['finance', 'sources', 'detail', id] as const;

/** A funding source; a sponsor's with its pledged / received / outstanding money, pledges and receipts (from the ledger). */
export function useSource(id: string) {
  return useQuery({ queryKey: sourceKey(id), queryFn: () => unwrap(api.GET('/api/v1/finance/sources/{id}', { params: { path: { id } } })) });
}

function useRefresh() {
  const client = useQueryClient();
  return (detail: FundingSourceDetail) => {
    client.setQueryData(sourceKey(detail.source.id), detail);
    void client.invalidateQueries({ queryKey: ['finance'] });
  };
}

/** Records a sponsor's pledge: a money-moving POST under an Idempotency-Key. */
export function useRecordPledge(sourceId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ body, key }: { body: { amount: number; pledgedOn: string; note?: string }; key: string }) =>
      unwrap(api.POST('/api/v1/finance/sources/{sourceId}/pledges', { params: { path: { sourceId } }, body, headers: { 'Idempotency-Key': key } })),
    onSuccess: refresh,
  });
}

/** Records money a sponsor paid in, with its receipt voucher; refused beyond the pledge (409 with what is outstanding). */
export function useRecordReceipt(sourceId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ body, key }: { body: { amount: number; receivedOn: string; voucherNumber: string; note?: string }; key: string }) =>
      unwrap(api.POST('/api/v1/finance/sources/{sourceId}/receipts', { params: { path: { sourceId } }, body, headers: { 'Idempotency-Key': key } })),
    onSuccess: refresh,
  });
}

/** Reverses a wrong receipt with a new entry that references it. */
export function useReverseReceipt(sourceId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ receiptId, body, key }: { receiptId: string; body: { reversedOn: string; reason: string }; key: string }) =>
      unwrap(api.POST('/api/v1/finance/sources/{sourceId}/receipts/{receiptId}/reverse', {
        params: { path: { sourceId, receiptId } }, body, headers: { 'Idempotency-Key': key },
      })),
    onSuccess: refresh,
  });
}

/**
 * Corrects a closed year's receipt in the unit's next open year, referencing it (Luật Kế toán 2015, Điều 27): all that is
 * still uncorrected, or a part (amount).
 */
export function useCorrectReceipt(sourceId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ receiptId, reason, amount, key }: { receiptId: string; reason: string; amount?: number; key: string }) =>
      unwrap(api.POST('/api/v1/finance/sources/{sourceId}/receipts/{receiptId}/corrections', {
        params: { path: { sourceId, receiptId } },
        body: amount === undefined ? { reason } : { reason, amount },
        headers: { 'Idempotency-Key': key },
      })),
    onSuccess: refresh,
  });
}
