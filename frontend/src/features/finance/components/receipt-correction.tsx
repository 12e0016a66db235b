import '../strings';
import { Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCorrectReceipt, type SponsorReceiptView } from '../api/sources';
import { formatDong, parseDong, toDong, toJsonAmount } from '../lib/money';
import { useMoneyAction } from './use-money-action';

/** Each correction of a closed year's receipt into a later year, with its amount and year. */
export function ReceiptCorrections({ receipt }: { receipt: SponsorReceiptView }) {
  const { t } = useTranslation();
  if (receipt.corrections.length === 0) return null;
  return (
    <Space wrap size={4}>
      {receipt.corrections.map((x) => (
        <Tag key={x.id} color="orange" title={x.reason} data-testid="receipt-correction">
          {t('finance.correctionPart', { amount: formatDong(x.amount), year: x.year })}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * "Điều chỉnh sang năm sau" for a receipt of a closed year (the server offers it: canCorrect): with a reason, all that is
 * still uncorrected or a part typed in the amount, posted by the server in the unit's next open year.
 */
export function CorrectReceipt({ sourceId, receipt }: { sourceId: string; receipt: SponsorReceiptView }) {
  const { t } = useTranslation();
  const correct = useCorrectReceipt(sourceId);
  const run = useMoneyAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const uncorrected = toDong(receipt.uncorrected);
  const part = amount.trim() === '' ? undefined : parseDong(amount);
  const amountValid = part === undefined || (part !== null && part <= uncorrected);
  const ready = !!reason.trim() && amountValid;
  const close = () => {
    setOpen(false);
    setReason('');
    setAmount('');
  };
  const submit = async () => {
    if (!ready) return;
    const done = await run((key) => correct.mutateAsync({ receiptId: receipt.id, reason: reason.trim(), key, ...(part ? { amount: toJsonAmount(part) } : {}) }));
    if (done) close();
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="correct-receipt">{t('finance.correctToNextYear')}</Button>
      <Modal
        open={open} title={t('finance.correctToNextYear')} okText={t('finance.correctToNextYear')} cancelText={t('finance.cancel')} onCancel={close}
        onOk={() => void submit()} okButtonProps={{ disabled: !ready, loading: correct.isPending }} destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item
            label={t('finance.correctionAmount')} htmlFor="receipt-correction-amount" validateStatus={amountValid ? undefined : 'error'}
            help={amountValid ? t('finance.correctionAmountHint', { amount: formatDong(uncorrected) }) : t('finance.correctionAmountInvalid')}
          >
            <Input id="receipt-correction-amount" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder={formatDong(uncorrected)} />
          </Form.Item>
          <Form.Item label={t('finance.reason')} htmlFor="receipt-correction-reason" required>
            <Input.TextArea id="receipt-correction-reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('finance.correctionHint')}</Typography.Paragraph>
        </Form>
      </Modal>
    </>
  );
}
