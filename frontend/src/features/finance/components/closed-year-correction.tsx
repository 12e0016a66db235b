import '../strings';
import { Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useCorrectClosedYearEntry, type AllocationDetail, type LedgerEntryView } from '../api/allocations';
import { formatDong, parseDong, sumDong, toDong, toJsonAmount } from '../lib/money';
import { useMoneyAction } from './use-money-action';

/**
 * The payments of closed years the server offers for correction (canCorrect), one option per transaction, with what of
 * each is still uncorrected (a payment may be corrected in parts: the note comes from the message catalog).
 */
export function correctableTransactions(ledger: LedgerEntryView[], t: TFunction) {
  const byTransaction = new Map<string, LedgerEntryView[]>();
  for (const e of ledger.filter((x) => x.canCorrect)) byTransaction.set(e.transactionId, [...(byTransaction.get(e.transactionId) ?? []), e]);
  return [...byTransaction.entries()].map(([transactionId, entries]) => {
    const paid = sumDong(entries.map((e) => e.debit));
    const uncorrected = entries[0]!.uncorrected == null ? paid : toDong(entries[0]!.uncorrected);
    return {
      value: transactionId,
      uncorrected,
      label: `${entries[0]!.year} · ${entries[0]!.memo} · ${formatDong(paid)}${uncorrected < paid ? ` ${t('finance.correctionStillUncorrected', { amount: formatDong(uncorrected) })}` : ''}`,
    };
  });
}

/**
 * "Điều chỉnh sang năm sau": picks a payment of a closed year from the allocation's ledger and, with a reason, has the
 * server post its correction in the unit's next open year (the closed year stays as it was) — all that is still
 * uncorrected, or a part of it typed in the amount (Luật Kế toán 2015, Điều 27 khoản 1 điểm c: the difference). Shown only when the
 * ledger holds such a payment and the caller may correct it.
 */
export function ClosedYearCorrection({ allocation }: { allocation: AllocationDetail }) {
  const { t } = useTranslation();
  const correct = useCorrectClosedYearEntry(allocation.id);
  const run = useMoneyAction();
  const [open, setOpen] = useState(false);
  const [transactionId, setTransactionId] = useState<string>();
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const options = correctableTransactions(allocation.ledger, t);
  if (options.length === 0) return null;
  const close = () => {
    setOpen(false);
    setTransactionId(undefined);
    setReason('');
    setAmount('');
  };
  const picked = options.find((o) => o.value === transactionId);
  // Empty: all that is still uncorrected; typed: a whole positive amount, at most that.
  const part = amount.trim() === '' ? undefined : parseDong(amount);
  const amountValid = part === undefined || (part !== null && (!picked || part <= picked.uncorrected));
  const ready = !!transactionId && !!reason.trim() && amountValid;
  const submit = async () => {
    if (!transactionId || !ready) return;
    const done = await run((key) => correct.mutateAsync({
      transactionId, reason: reason.trim(), key, ...(part ? { amount: toJsonAmount(part) } : {}),
    }));
    if (done) close();
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="correct-closed-year">{t('finance.correctToNextYear')}</Button>
      <Modal
        open={open} title={t('finance.correctToNextYear')} okText={t('finance.correctToNextYear')} cancelText={t('finance.cancel')} onCancel={close}
        onOk={() => void submit()} okButtonProps={{ disabled: !ready, loading: correct.isPending }}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('finance.correctionEntry')} htmlFor="correction-entry" required>
            <Select id="correction-entry" value={transactionId} onChange={setTransactionId} options={options} placeholder={t('finance.correctionEntryPick')} />
          </Form.Item>
          <Form.Item
            label={t('finance.correctionAmount')} htmlFor="correction-amount" validateStatus={amountValid ? undefined : 'error'}
            help={amountValid ? (picked ? t('finance.correctionAmountHint', { amount: formatDong(picked.uncorrected) }) : undefined) : t('finance.correctionAmountInvalid')}
          >
            <Input id="correction-amount" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)}
              placeholder={picked ? formatDong(picked.uncorrected) : undefined} />
          </Form.Item>
          <Form.Item label={t('finance.reason')} htmlFor="correction-reason" required>
            <Input.TextArea id="correction-reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('finance.correctionHint')}</Typography.Paragraph>
        </Form>
      </Modal>
    </>
  );
}
