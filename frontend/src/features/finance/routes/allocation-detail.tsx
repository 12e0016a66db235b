import '../strings';
import { Alert, Button, Card, DatePicker, Descriptions, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page/form-page';
import { formatIsoDate } from '@/lib/format/date';
import { TRANCHE_KINDS, useAllocation, useRequestTranche, useSettle, useTrancheStep, type AllocationDetail, type LedgerEntryView, type TrancheKind, type TrancheView } from '../api/allocations';
import { ClosedYearCorrection } from '../components/closed-year-correction';
import { Money } from '../components/money';
import { useMoneyAction } from '../components/use-money-action';
import { formatDong, parseDong, toDong, toJsonAmount } from '../lib/money';
import { financePaths } from '../paths';

const statusColor: Record<string, string> = { Requested: 'blue', Approved: 'gold', Paid: 'green', Rejected: 'red' };

/** An allocation: its sources, figures from the ledger, tranches (request, approve, pay, reject), settlement and ledger. */
export function AllocationDetailRoute() {
  const { allocationId = '' } = useParams();
  const { t } = useTranslation();
  const allocation = useAllocation(allocationId);
  if (!allocation.data) return allocation.isError ? <Alert type="error" message={t('finance.empty')} /> : null;
  const a = allocation.data;
  const open = a.status === 'Open';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <PageHeading title={a.targetLabel} />
      {a.targetKind === 'ResearchTopic' && a.targetId && (
        <Link to={financePaths.topicStatement(a.targetId)} data-testid="topic-statement-link">{t('finance.topicStatement')}</Link>
      )}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={t('finance.unit')}><Link to={financePaths.budget(a.budgetId)}>{`${a.unitName} · ${a.year}`}</Link></Descriptions.Item>
        <Descriptions.Item label={t('finance.status')}><Tag color={open ? 'blue' : 'green'}>{t(`finance.allocationStatus.${a.status}`)}</Tag></Descriptions.Item>
        <Descriptions.Item label={t('finance.amount')}><Money value={a.amount} strong /></Descriptions.Item>
        <Descriptions.Item label={t('finance.remaining')}><span data-testid="allocation-remaining"><Money value={a.remaining} /></span></Descriptions.Item>
        <Descriptions.Item label={t('finance.requested')}><Money value={a.requested} /></Descriptions.Item>
        <Descriptions.Item label={t('finance.paid')}><Money value={a.paid} /></Descriptions.Item>
        {!open && <Descriptions.Item label={t('finance.spent')}><Money value={a.spent} /></Descriptions.Item>}
      </Descriptions>
      <Table
        rowKey="sourceId" size="small" pagination={false} scroll={{ x: true }} dataSource={a.parts}
        columns={[
          { title: t('finance.source'), dataIndex: 'sourceName', render: (n: string, p) => `${n} (${t(`finance.sourceKind.${p.sourceKind}`)})` },
          { title: t('finance.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => <Money value={v} /> },
          ...(!open ? [{ title: t('finance.unallocated'), dataIndex: 'returned', align: 'right' as const, render: (v: number) => <Money value={v} /> }] : []),
        ]}
      />
      <Card size="small" title={t('finance.tranches')}>
        <Table<TrancheView>
          rowKey="id" size="small" pagination={false} scroll={{ x: true }} dataSource={a.tranches}
          columns={[
            { title: t('finance.kind'), dataIndex: 'kind', render: (k: string) => t(`finance.trancheKind.${k}`) },
            { title: t('finance.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => <Money value={v} /> },
            { title: t('finance.status'), dataIndex: 'status', render: (s: string) => <Tag color={statusColor[s]}>{t(`finance.trancheStatus.${s}`)}</Tag> },
            { title: t('finance.requestedBy'), dataIndex: 'requestedBy' },
            { title: t('finance.approvedBy'), dataIndex: 'approvedBy' },
            { title: t('finance.voucher'), key: 'voucher', render: (_: unknown, tr) => (tr.voucherNumber ? `${tr.voucherNumber} · ${formatIsoDate(tr.paidOn ?? '')}` : tr.rejectionReason ?? '') },
            { title: '', key: 'actions', render: (_: unknown, tr) => <TrancheActions tranche={tr} canManage={a.canManage} /> },
          ]}
        />
        {open && a.canManage && <RequestForm allocation={a} />}
      </Card>
      {open && a.canManage && <SettleForm allocation={a} />}
      <Card size="small" title={t('finance.ledger')} extra={<ClosedYearCorrection allocation={a} />}>
        <Table
          rowKey="id" size="small" pagination={false} scroll={{ x: true }} dataSource={a.ledger} data-testid="allocation-ledger"
          columns={[
            { title: t('finance.year'), dataIndex: 'year' },
            { title: t('finance.memo'), dataIndex: 'memo', render: (m: string, e) => <LedgerMemo entry={e} memo={m} ledger={a.ledger} /> },
            { title: t('finance.account'), dataIndex: 'account', render: (k: string) => t(`finance.accountKind.${k}`) },
            { title: t('finance.source'), dataIndex: 'sourceName' },
            { title: t('finance.debit'), dataIndex: 'debit', align: 'right', render: (v: number) => (toDong(v) > 0n ? <Money value={v} /> : '') },
            { title: t('finance.credit'), dataIndex: 'credit', align: 'right', render: (v: number) => (toDong(v) > 0n ? <Money value={v} /> : '') },
          ]}
        />
      </Card>
    </Space>
  );
}

/** An entry's memo with its references: what it takes back (a reversal, a closed year's correction) and what took it back, each part. */
function LedgerMemo({ entry, memo, ledger }: { entry: LedgerEntryView; memo: string; ledger: LedgerEntryView[] }) {
  const { t } = useTranslation();
  const original = entry.event === 'ClosedYearCorrected' ? ledger.find((e) => e.transactionId === entry.reversesTransactionId) : undefined;
  // A payment corrected in several parts names every part with its amount, not only the first.
  const parts = entry.reversedBy.filter((r) => r.event === 'ClosedYearCorrected');
  return (
    <Space wrap size={4}>
      <span>{entry.reversesTransactionId ? `↺ ${memo}` : memo}</span>
      {original && <Tag color="purple" data-testid="corrects-tag">{t('finance.correctsYear', { year: original.year })}</Tag>}
      {entry.reversedByTransactionId && entry.reversedInYear !== entry.year && entry.reversedInYear != null && (
        <Tag color="orange" data-testid="corrected-tag">
          {entry.uncorrected != null && toDong(entry.uncorrected) > 0n
            ? t('finance.correctedPartlyInYear', { year: entry.reversedInYear, amount: formatDong(entry.uncorrected) })
            : t('finance.correctedInYear', { year: entry.reversedInYear })}
        </Tag>
      )}
      {parts.length > 1 && parts.map((r) => (
        <Tag key={r.transactionId} data-testid="correction-part">{t('finance.correctionPart', { amount: formatDong(r.amount), year: r.year })}</Tag>
      ))}
    </Space>
  );
}

function TrancheActions({ tranche, canManage }: { tranche: TrancheView; canManage: boolean }) {
  const { t } = useTranslation();
  const step = useTrancheStep(tranche);
  const run = useMoneyAction();
  const [voucher, setVoucher] = useState('');
  const [paidOn, setPaidOn] = useState<string>();
  const [reason, setReason] = useState('');
  const waiting = tranche.status === 'Requested' || tranche.status === 'Approved';
  if (!waiting) return null;
  return (
    <Space wrap size="small">
      {tranche.canApprove && <Button size="small" type="primary" onClick={() => void run((key) => step.mutateAsync({ action: { step: 'approve' }, key }))} data-testid="approve-tranche">{t('finance.approve')}</Button>}
      {tranche.status === 'Approved' && canManage && (
        <>
          <Input size="small" style={{ width: 110 }} placeholder={t('finance.voucher')} value={voucher} onChange={(e) => setVoucher(e.target.value)} data-testid="voucher" />
          <DatePicker size="small" format="DD/MM/YYYY" onChange={(d) => setPaidOn(d ? d.format('YYYY-MM-DD') : undefined)} aria-label={t('finance.paidOn')} />
          <Button size="small" disabled={!voucher.trim() || !paidOn} onClick={() => paidOn && void run((key) => step.mutateAsync({ action: { step: 'pay', voucherNumber: voucher, paidOn }, key }))} data-testid="pay-tranche">{t('finance.pay')}</Button>
        </>
      )}
      {tranche.canApprove && (
        <>
          <Input size="small" style={{ width: 120 }} placeholder={t('finance.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button size="small" danger disabled={!reason.trim()} onClick={() => void run((key) => step.mutateAsync({ action: { step: 'reject', reason }, key }))}>{t('finance.reject')}</Button>
        </>
      )}
    </Space>
  );
}

function RequestForm({ allocation }: { allocation: AllocationDetail }) {
  const { t } = useTranslation();
  const request = useRequestTranche(allocation.id);
  const run = useMoneyAction();
  const [kind, setKind] = useState<TrancheKind>('Advance');
  const [amount, setAmount] = useState<string>('');
  const parsed = parseDong(amount);
  const over = parsed !== null && parsed > toDong(allocation.remaining);
  return (
    <Space wrap style={{ marginTop: 12 }}>
      <Select style={{ width: 130 }} value={kind} onChange={setKind} options={TRANCHE_KINDS.map((k) => ({ value: k, label: t(`finance.trancheKind.${k}`) }))} aria-label={t('finance.kind')} />
      <InputNumber<string> stringMode min="0" style={{ width: 170 }} value={amount} onChange={(v) => setAmount(v ?? '')} aria-label={t('finance.amount')} data-testid="tranche-amount"
        formatter={(v) => (v ? String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.') : '')} parser={(v) => (v ?? '').replace(/\./g, '')} status={over ? 'error' : undefined} />
      <Button type="primary" disabled={!parsed || over} loading={request.isPending} data-testid="request-tranche"
        onClick={() => parsed && void run((key) => request.mutateAsync({ kind, amount: toJsonAmount(parsed), key }))}>{t('finance.requestTranche')}</Button>
    </Space>
  );
}

function SettleForm({ allocation }: { allocation: AllocationDetail }) {
  const { t } = useTranslation();
  const settle = useSettle(allocation);
  const run = useMoneyAction();
  const [spent, setSpent] = useState<string>('');
  const value = spent === '0' ? 0n : parseDong(spent);
  const waiting = allocation.tranches.some((tr) => tr.status === 'Requested' || tr.status === 'Approved');
  return (
    <Card size="small" title={t('finance.settle')}>
      <Space wrap>
        <Typography.Text>{t('finance.paid')}: <Money value={allocation.paid} /></Typography.Text>
        <InputNumber<string> stringMode min="0" style={{ width: 170 }} value={spent} onChange={(v) => setSpent(v ?? '')} aria-label={t('finance.spent')} placeholder={t('finance.spent')}
          formatter={(v) => (v ? String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.') : '')} parser={(v) => (v ?? '').replace(/\./g, '')} />
        <Button disabled={value === null || waiting || value > toDong(allocation.paid)} loading={settle.isPending} data-testid="settle"
          onClick={() => value !== null && void run((key) => settle.mutateAsync({ spent: toJsonAmount(value), key }))}>{t('finance.settle')}</Button>
      </Space>
    </Card>
  );
}

export { AllocationDetailRoute as Component };
