import '../strings';
import { Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCorrectClosedYearEntry, type AllocationDetail, type LedgerEntryView } from '../api/allocations';
import { formatDong, sumDong } from '../lib/money';
import { useMoneyAction } from './use-money-action';

/** The payments of closed years the server offers for correction (canCorrect), one option per transaction. */
export function correctableTransactions(ledger: LedgerEntryView[]) {
  const byTransaction = new Map<string, LedgerEntryView[]>();
  for (const e of ledger.filter((x) => x.canCorrect)) byTransaction.set(e.transactionId, [...(byTransaction.get(e.transactionId) ?? []), e]);
  return [...byTransaction.entries()].map(([transactionId, entries]) => ({
    value: transactionId,
    label: `${entries[0]!.year} · ${entries[0]!.memo} · ${formatDong(sumDong(entries.map((e) => e.debit)))}`,
  }));
}

/**
 * "Điều chỉnh sang năm sau": picks a payment of a closed year from the allocation's ledger and, with a reason, has the
 * server post its correction in the unit's next open year (the closed year stays as it was). Shown only when the
 * ledger holds such a payment and the caller may correct it.
 */
export function ClosedYearCorrection({ allocation }: { allocation: AllocationDetail }) {
  const { t } = useTranslation();
  const correct = useCorrectClosedYearEntry(allocation.id);
  const run = useMoneyAction();
  const [open, setOpen] = useState(false);
  const [transactionId, setTransactionId] = useState<string>();
  const [reason, setReason] = useState('');
  const options = correctableTransactions(allocation.ledger);
  if (options.length === 0) return null;
  const close = () => {
    setOpen(false);
    setTransactionId(undefined);
    setReason('');
  };
  const submit = async () => {
    if (!transactionId || !reason.trim()) return;
    const done = await run((key) => correct.mutateAsync({ transactionId, reason: reason.trim(), key }));
    if (done) close();
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="correct-closed-year">{t('finance.correctToNextYear')}</Button>
      <Modal
        open={open} title={t('finance.correctToNextYear')} okText={t('finance.correctToNextYear')} cancelText={t('finance.cancel')} onCancel={close}
        onOk={() => void submit()} okButtonProps={{ disabled: !transactionId || !reason.trim(), loading: correct.isPending }}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('finance.correctionEntry')} htmlFor="correction-entry" required>
            <Select id="correction-entry" value={transactionId} onChange={setTransactionId} options={options} placeholder={t('finance.correctionEntryPick')} />
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
