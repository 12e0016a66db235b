import '../strings';
import { Alert, Button, Card, DatePicker, Descriptions, Input, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page/form-page';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatIsoDate, toIsoDate, todayInProvince } from '@/lib/format/date';
import { useRecordPledge, useRecordReceipt, useReverseReceipt, useSource, type SponsorFundsView, type SponsorReceiptView } from '../api/sources';
import { Money } from '../components/money';
import { CorrectReceipt, ReceiptCorrections } from '../components/receipt-correction';
import { useMoneyAction } from '../components/use-money-action';
import { parseDong, toDong, toJsonAmount } from '../lib/money';

const dongInput = {
  formatter: (v: string | undefined) => (v ? String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.') : ''),
  parser: (v: string | undefined) => (v ?? '').replace(/\./g, ''),
};

/**
 * A funding source. A sponsor's shows what it pledged, what it paid in and what is outstanding (from the ledger),
 * what its allocations draw and any part not yet covered by receipts; its pledges and receipts; and, for its unit's
 * finance officer, the pledge and receipt forms and the reversal of a wrong receipt — or, for a receipt of a closed
 * year, its correction into the next open year (each part listed under the receipt).
 */
export function SourceDetailRoute() {
  const { t } = useTranslation();
  const { sourceId = '' } = useParams();
  const source = useSource(sourceId);
  const canManage = useHasPermission(PERMISSIONS.financeManage);
  const d = source.data;
  if (!d) return null;
  const s = d.source;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <PageHeading title={s.name} />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('finance.sourceKindLabel')}>{t(`finance.sourceKind.${s.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('finance.unit')}>{s.unitName}</Descriptions.Item>
        {s.sponsorName && <Descriptions.Item label={t('finance.sponsorName')}>{s.sponsorName}</Descriptions.Item>}
        {s.sponsorTaxCode && <Descriptions.Item label={t('finance.taxCode')}>{s.sponsorTaxCode}</Descriptions.Item>}
        {s.programmeReference && <Descriptions.Item label={t('finance.programme')}>{s.programmeReference}</Descriptions.Item>}
      </Descriptions>
      {d.sponsor && <SponsorFunds sourceId={s.id} funds={d.sponsor} canManage={canManage} />}
    </Space>
  );
}

function SponsorFunds({ sourceId, funds, canManage }: { sourceId: string; funds: SponsorFundsView; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 4 }} data-testid="sponsor-funds">
        <Descriptions.Item label={t('finance.pledged')}><Money value={funds.pledged} strong /></Descriptions.Item>
        <Descriptions.Item label={t('finance.received')}><Money value={funds.received} strong /></Descriptions.Item>
        <Descriptions.Item label={t('finance.outstanding')}><Money value={funds.outstanding} /></Descriptions.Item>
        <Descriptions.Item label={t('finance.allocatedFromSource')}><Money value={funds.allocated} /></Descriptions.Item>
      </Descriptions>
      {toDong(funds.allocatedBeyondReceived) > 0n && (
        <Alert type="warning" showIcon data-testid="beyond-received"
          message={t('finance.allocatedBeyondReceived')} description={<Money value={funds.allocatedBeyondReceived} strong />} />
      )}
      <Card size="small" title={t('finance.pledges')}>
        <Table rowKey="id" size="small" pagination={false} scroll={{ x: true }} dataSource={funds.pledges} locale={{ emptyText: t('finance.empty') }}
          columns={[
            { title: t('finance.date'), dataIndex: 'pledgedOn', render: (v: string) => formatIsoDate(v) },
            { title: t('finance.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => <Money value={v} /> },
            { title: t('finance.note'), dataIndex: 'note' },
            { title: t('finance.recordedBy'), dataIndex: 'recordedBy' },
          ]} />
        {canManage && <PledgeForm sourceId={sourceId} />}
      </Card>
      <Card size="small" title={t('finance.receipts')}>
        <Receipts sourceId={sourceId} receipts={funds.receipts} canManage={canManage} />
        {canManage && <ReceiptForm sourceId={sourceId} />}
      </Card>
    </>
  );
}

function Receipts({ sourceId, receipts, canManage }: { sourceId: string; receipts: SponsorReceiptView[]; canManage: boolean }) {
  const { t } = useTranslation();
  const reverse = useReverseReceipt(sourceId);
  const run = useMoneyAction();
  const [reason, setReason] = useState('');
  const today = toIsoDate(todayInProvince());
  return (
    <Table<SponsorReceiptView> rowKey="id" size="small" pagination={false} scroll={{ x: true }} dataSource={receipts} locale={{ emptyText: t('finance.empty') }}
      data-testid="sponsor-receipts"
      columns={[
        { title: t('finance.date'), dataIndex: 'receivedOn', render: (v: string) => formatIsoDate(v) },
        { title: t('finance.receiptVoucher'), dataIndex: 'voucherNumber' },
        { title: t('finance.amount'), dataIndex: 'amount', align: 'right', render: (v: number, r) => (
          <Space direction="vertical" size={2} align="end">
            <Typography.Text delete={!!r.reversedByReceiptId}>{r.reversesReceiptId ? '−' : ''}<Money value={v} /></Typography.Text>
            <ReceiptCorrections receipt={r} />
          </Space>
        ) },
        { title: t('finance.status'), key: 'state', render: (_: unknown, r) => (r.reversesReceiptId
          ? <Tag color="orange">{t('finance.reversal')}</Tag>
          : r.reversedByReceiptId ? <Tag>{t('finance.reversed')}</Tag> : <Tag color="green">{t('finance.receivedTag')}</Tag>) },
        { title: t('finance.note'), dataIndex: 'note' },
        { title: '', key: 'reverse', render: (_: unknown, r) => (r.canCorrect ? <CorrectReceipt sourceId={sourceId} receipt={r} />
          : canManage && !r.reversesReceiptId && !r.reversedByReceiptId && r.corrections.length === 0 ? (
          <Popconfirm title={t('finance.reverseReceipt')} okText={t('finance.reverseReceipt')} cancelText={t('finance.cancel')}
            okButtonProps={{ disabled: !reason.trim() }}
            description={<Input aria-label={t('finance.reason')} placeholder={t('finance.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />}
            onConfirm={() => void run((key) => reverse.mutateAsync({ receiptId: r.id, body: { reversedOn: today, reason }, key })).then(() => setReason(''))}>
            <Button size="small" danger>{t('finance.reverseReceipt')}</Button>
          </Popconfirm>
        ) : null) },
      ]} />
  );
}

function PledgeForm({ sourceId }: { sourceId: string }) {
  const { t } = useTranslation();
  const pledge = useRecordPledge(sourceId);
  const run = useMoneyAction();
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState<Dayjs | null>(null);
  const [note, setNote] = useState('');
  const value = parseDong(amount);
  const submit = () =>
    void run((key) => pledge.mutateAsync({ body: { amount: toJsonAmount(value!), pledgedOn: toIsoDate(date!), note: note || undefined }, key })).then((ok) => {
      if (ok) { setAmount(''); setDate(null); setNote(''); }
    });
  return (
    <Space wrap style={{ marginTop: 8 }} data-testid="pledge-form">
      <InputNumber<string> stringMode min="0" style={{ width: 180 }} placeholder={t('finance.amount')} aria-label={t('finance.pledgeAmount')} {...dongInput}
        value={amount} onChange={(v) => setAmount(v ?? '')} />
      <DatePicker format="DD/MM/YYYY" aria-label={t('finance.pledgeDate')} placeholder={t('finance.pledgeDate')} value={date} onChange={setDate}
        disabledDate={(d) => d.isAfter(todayInProvince(), 'day')} />
      <Input style={{ width: 240 }} maxLength={2000} aria-label={t('finance.note')} placeholder={t('finance.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <Button type="primary" disabled={value === null || !date} loading={pledge.isPending} onClick={submit}>{t('finance.recordPledge')}</Button>
    </Space>
  );
}

function ReceiptForm({ sourceId }: { sourceId: string }) {
  const { t } = useTranslation();
  const receipt = useRecordReceipt(sourceId);
  const run = useMoneyAction();
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState<Dayjs | null>(null);
  const [voucher, setVoucher] = useState('');
  const value = parseDong(amount);
  const submit = () =>
    void run((key) => receipt.mutateAsync({ body: { amount: toJsonAmount(value!), receivedOn: toIsoDate(date!), voucherNumber: voucher.trim() }, key })).then((ok) => {
      if (ok) { setAmount(''); setDate(null); setVoucher(''); }
    });
  return (
    <Space wrap style={{ marginTop: 8 }} data-testid="receipt-form">
      <InputNumber<string> stringMode min="0" style={{ width: 180 }} placeholder={t('finance.amount')} aria-label={t('finance.receiptAmount')} {...dongInput}
        value={amount} onChange={(v) => setAmount(v ?? '')} />
      <DatePicker format="DD/MM/YYYY" aria-label={t('finance.receiptDate')} placeholder={t('finance.receiptDate')} value={date} onChange={setDate}
        disabledDate={(d) => d.isAfter(todayInProvince(), 'day')} />
      <Input style={{ width: 160 }} maxLength={50} aria-label={t('finance.receiptVoucher')} placeholder={t('finance.receiptVoucher')} value={voucher} onChange={(e) => setVoucher(e.target.value)} />
      <Button type="primary" disabled={value === null || !date || !voucher.trim()} loading={receipt.isPending} onClick={submit}>{t('finance.recordReceipt')}</Button>
    </Space>
  );
}

export { SourceDetailRoute as Component };
