import { Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '@/lib/format/date';
import {
  PURPOSES, useApproveAdjustment, useProposeAdjustment, useSources,
  type BudgetAdjustmentView, type BudgetDetail, type BudgetLineInput, type BudgetPurpose,
} from '../api/budgets';
import { formatDong, parseDong, toDong, toJsonAmount } from '../lib/money';
import { Money } from './money';
import { useMoneyAction } from './use-money-action';

const dongInput = {
  formatter: (v: string | undefined) => (v ? String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.') : ''),
  parser: (v: string | undefined) => (v ?? '').replace(/\./g, ''),
};

/** The versions of an approved budget: each adjustment with its reason and the amounts it replaced; propose and approve. */
export function BudgetAdjustments({ budget }: { budget: BudgetDetail }) {
  const { t } = useTranslation();
  const approve = useApproveAdjustment(budget);
  const run = useMoneyAction();
  if (budget.status !== 'Approved') return null;
  return (
    <Card size="small" title={`${t('finance.adjustments')} · ${t('finance.versionInForce')} ${budget.currentVersion}`} data-testid="budget-adjustments">
      <Space direction="vertical" style={{ width: '100%' }}>
        {budget.adjustments.map((a: BudgetAdjustmentView) => (
          <Card key={a.id} type="inner" size="small"
            title={`${t('finance.version')} ${a.number} · ${formatIsoDate(a.submittedAtUtc.slice(0, 10))} · ${a.submittedBy}`}
            extra={<Tag color={a.status === 'Approved' ? 'green' : a.status === 'Submitted' ? 'blue' : 'red'}>{t(`finance.adjustmentStatus.${a.status}`)}</Tag>}>
            <Typography.Paragraph>{t('finance.reason')}: {a.reason}</Typography.Paragraph>
            <Table rowKey={(l) => `${l.purpose}|${l.sourceId}`} size="small" pagination={false} scroll={{ x: true }} dataSource={a.lines}
              columns={[
                { title: t('finance.purpose'), dataIndex: 'purpose', render: (p: string) => t(`finance.purposeName.${p}`) },
                { title: t('finance.source'), dataIndex: 'sourceName' },
                { title: t('finance.previousAmount'), dataIndex: 'previousAmount', align: 'right', render: (v: number) => <Money value={v} /> },
                { title: t('finance.newAmount'), dataIndex: 'amount', align: 'right', render: (v: number) => <Money value={v} strong /> },
              ]} />
            {a.canApprove && (
              <Button type="primary" style={{ marginTop: 8 }} loading={approve.isPending} data-testid="approve-adjustment"
                onClick={() => void run((key) => approve.mutateAsync({ adjustment: a, key }))}>{t('finance.approve')}</Button>
            )}
          </Card>
        ))}
        {budget.canAdjust && <ProposeForm budget={budget} />}
      </Space>
    </Card>
  );
}

function ProposeForm({ budget }: { budget: BudgetDetail }) {
  const { t } = useTranslation();
  const propose = useProposeAdjustment(budget);
  const sources = useSources(budget.unitId);
  const run = useMoneyAction();
  const [reason, setReason] = useState('');
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState<{ purpose?: BudgetPurpose; sourceId?: string; amount: string }>({ amount: '' });
  const changed: BudgetLineInput[] = budget.lines.flatMap((l) => {
    const v = parseDong(amounts[l.id]);
    return v !== null && v !== toDong(l.amount) ? [{ purpose: l.purpose, sourceId: l.sourceId, amount: toJsonAmount(v) }] : [];
  });
  const extraAmount = parseDong(extra.amount);
  if (extra.purpose && extra.sourceId && extraAmount !== null && !budget.lines.some((l) => l.purpose === extra.purpose && l.sourceId === extra.sourceId))
    changed.push({ purpose: extra.purpose, sourceId: extra.sourceId, amount: toJsonAmount(extraAmount) });
  const submit = () =>
    void run((key) => propose.mutateAsync({ reason, lines: changed, key })).then((ok) => {
      if (ok) {
        setReason('');
        setAmounts({});
        setExtra({ amount: '' });
      }
    });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>{t('finance.proposeAdjustment')}</Typography.Text>
      <Table rowKey="id" size="small" pagination={false} scroll={{ x: true }} dataSource={budget.lines}
        columns={[
          { title: t('finance.purpose'), dataIndex: 'purpose', render: (p: string) => t(`finance.purposeName.${p}`) },
          { title: t('finance.source'), dataIndex: 'sourceName' },
          { title: t('finance.previousAmount'), dataIndex: 'amount', align: 'right', render: (v: number) => <Money value={v} /> },
          { title: t('finance.allocated'), dataIndex: 'allocated', align: 'right', render: (v: number) => formatDong(v) },
          { title: t('finance.newAmount'), key: 'new', render: (_: unknown, l) => (
            <InputNumber<string> stringMode min="0" style={{ width: 160 }} aria-label={`${t('finance.newAmount')} ${l.sourceName}`} {...dongInput}
              value={amounts[l.id]} onChange={(v) => setAmounts({ ...amounts, [l.id]: v ?? '' })} />
          ) },
        ]} />
      <Space wrap>
        <Select<BudgetPurpose> allowClear placeholder={t('finance.purpose')} style={{ width: 190 }} value={extra.purpose} aria-label={t('finance.purpose')}
          onChange={(purpose) => setExtra({ ...extra, purpose })} options={PURPOSES.map((p) => ({ value: p, label: t(`finance.purposeName.${p}`) }))} />
        <Select allowClear placeholder={t('finance.source')} style={{ width: 220 }} value={extra.sourceId} aria-label={t('finance.source')}
          onChange={(sourceId) => setExtra({ ...extra, sourceId })} options={(sources.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        <InputNumber<string> stringMode min="0" style={{ width: 160 }} placeholder={t('finance.amount')} aria-label={t('finance.newLineAmount')} {...dongInput}
          value={extra.amount} onChange={(v) => setExtra({ ...extra, amount: v ?? '' })} />
      </Space>
      <Input.TextArea rows={2} maxLength={2000} placeholder={t('finance.adjustmentReason')} value={reason} onChange={(e) => setReason(e.target.value)}
        data-testid="adjustment-reason" />
      <Button type="primary" disabled={!reason.trim() || changed.length === 0} loading={propose.isPending} onClick={submit} data-testid="propose-adjustment">
        {t('finance.proposeAdjustment')}
      </Button>
    </Space>
  );
}
