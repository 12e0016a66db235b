import '../strings';
import { Alert, Button, Card, Descriptions, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page/form-page';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { TARGET_KINDS, useAllocations, useCreateAllocation, type AllocationListItem, type TargetKind } from '../api/allocations';
import { PURPOSES, useBudget, useBudgetStep, type BudgetDetail, type BudgetPurpose } from '../api/budgets';
import { useObligations, type ObligationSourceKind } from '../api/books';
import { BudgetAdjustments } from '../components/budget-adjustments';
import { Money } from '../components/money';
import { useMoneyAction } from '../components/use-money-action';
import { formatDong, parseDong, sumDong, toDong, toJsonAmount } from '../lib/money';
import { financePaths } from '../paths';

/** A budget as a grid of purpose × source (amount, allocated, left), its approval, and its allocations. */
export function BudgetDetailRoute() {
  const { budgetId = '' } = useParams();
  const { t } = useTranslation();
  const budget = useBudget(budgetId);
  const allocations = useAllocations({ budgetId });
  if (!budget.data) return budget.isError ? <Alert type="error" message={t('finance.empty')} /> : null;
  const b = budget.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <PageHeading title={`${t('finance.budgets')} ${b.year} — ${b.unitName}`} />
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} bordered>
        <Descriptions.Item label={t('finance.status')}><Tag color={b.status === 'Approved' ? 'green' : 'blue'} data-testid="budget-status">{t(`finance.budgetStatus.${b.status}`)}</Tag></Descriptions.Item>
        <Descriptions.Item label={t('finance.total')}><Money value={b.total} strong /></Descriptions.Item>
        <Descriptions.Item label={t('finance.approvedBy')}>{b.approvedBy ?? '—'}</Descriptions.Item>
      </Descriptions>
      <BudgetGrid budget={b} />
      <BudgetSteps budget={b} />
      <BudgetAdjustments budget={b} />
      {b.status === 'Approved' && <AllocationForm budget={b} />}
      <Card size="small" title={t('finance.allocations')}>
        <Table<AllocationListItem>
          rowKey="id" size="small" pagination={false} scroll={{ x: true }} dataSource={allocations.data ?? []}
          columns={[
            { title: t('finance.target'), dataIndex: 'targetLabel', render: (label: string, a) => <Link to={financePaths.allocation(a.id)}>{label}</Link> },
            { title: t('finance.purpose'), dataIndex: 'purpose', render: (p: string) => t(`finance.purposeName.${p}`) },
            { title: t('finance.sources'), dataIndex: 'sources' },
            { title: t('finance.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => <Money value={v} /> },
            { title: t('finance.remaining'), dataIndex: 'remaining', align: 'right', render: (v: number) => <Money value={v} /> },
            { title: t('finance.status'), dataIndex: 'status', render: (s: string) => t(`finance.allocationStatus.${s}`) },
          ]}
        />
      </Card>
    </Space>
  );
}

function BudgetGrid({ budget }: { budget: BudgetDetail }) {
  const { t } = useTranslation();
  const sources = [...new Map(budget.lines.map((l) => [l.sourceId, l])).values()];
  const purposes = PURPOSES.filter((p) => budget.lines.some((l) => l.purpose === p));
  const line = (p: string, s: string) => budget.lines.find((l) => l.purpose === p && l.sourceId === s);
  return (
    <Table
      rowKey="purpose" size="small" pagination={false} scroll={{ x: true }} dataSource={purposes.map((purpose) => ({ purpose }))}
      data-testid="budget-grid"
      columns={[
        { title: t('finance.purpose'), dataIndex: 'purpose', fixed: 'left', render: (p: string) => t(`finance.purposeName.${p}`) },
        ...sources.map((s) => ({
          title: `${s.sourceName} (${t(`finance.sourceKind.${s.sourceKind}`)})`,
          key: s.sourceId,
          align: 'right' as const,
          render: (_: unknown, row: { purpose: string }) => {
            const l = line(row.purpose, s.sourceId);
            if (!l) return '—';
            return (
              <div>
                <Money value={l.amount} strong />
                {budget.status === 'Approved' && (
                  <div style={{ fontSize: 12 }}>{t('finance.allocated')}: {formatDong(l.allocated)} · {t('finance.unallocated')}: {formatDong(l.unallocated)}</div>
                )}
              </div>
            );
          },
        })),
        { title: t('finance.total'), key: 'total', align: 'right' as const,
          render: (_: unknown, row: { purpose: string }) => <Money value={sumDong(budget.lines.filter((l) => l.purpose === row.purpose).map((l) => l.amount))} /> },
      ]}
    />
  );
}

function BudgetSteps({ budget }: { budget: BudgetDetail }) {
  const { t } = useTranslation();
  const step = useBudgetStep(budget);
  const run = useMoneyAction();
  return (
    <Space wrap>
      {budget.canEdit && budget.status === 'Draft' && (
        <Button onClick={() => void run((key) => step.mutateAsync({ step: 'submit', key }))} loading={step.isPending} data-testid="submit-budget">{t('finance.submit')}</Button>
      )}
      {budget.canApprove && (
        <Button type="primary" onClick={() => void run((key) => step.mutateAsync({ step: 'approve', key }))} loading={step.isPending} data-testid="approve-budget">{t('finance.approve')}</Button>
      )}
    </Space>
  );
}

/** The purpose whose budget lines fund an obligation of each kind (the server checks the same). */
const OBLIGATION_PURPOSE: Record<ObligationSourceKind, BudgetPurpose> = {
  Initiative: 'InitiativeRemuneration', ResearchTopic: 'ResearchTopics', Commendation: 'EmulationAndAwards',
};

/**
 * Allocation with a source split: one amount per source of the chosen purpose, with what each line would have left,
 * live. It may fund an obligation "to be funded" of the unit (a contracted topic, a commendation, an initiative): the
 * allocation then pays for that record.
 */
function AllocationForm({ budget }: { budget: BudgetDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useHasPermission(PERMISSIONS.financeManage);
  const create = useCreateAllocation();
  const run = useMoneyAction();
  const [purpose, setPurpose] = useState<BudgetPurpose>(budget.lines[0]?.purpose ?? 'ResearchTopics');
  const [targetKind, setTargetKind] = useState<TargetKind>('ResearchTopic');
  const [label, setLabel] = useState('');
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [obligationId, setObligationId] = useState<string>();
  const obligations = useObligations(true);
  if (!canManage) return null;
  const fundable = (obligations.data ?? []).filter((o) => o.unitId === budget.unitId && OBLIGATION_PURPOSE[o.sourceKind] === purpose);
  const lines = budget.lines.filter((l) => l.purpose === purpose);
  const parts = lines.map((l) => ({ line: l, amount: parseDong(amounts[l.id]) })).filter((p) => p.amount !== null) as { line: (typeof lines)[number]; amount: bigint }[];
  const over = lines.some((l) => (parseDong(amounts[l.id]) ?? 0n) > toDong(l.unallocated));
  const total = parts.reduce((sum, p) => sum + p.amount, 0n);
  const save = () =>
    void run((key) => create.mutateAsync({
      key,
      body: {
        budgetId: budget.id, purpose, targetKind, targetLabel: label, obligationId: obligationId ?? null,
        parts: parts.map((p) => ({ sourceId: p.line.sourceId, amount: toJsonAmount(p.amount) })),
      },
    })).then((a) => a && navigate(financePaths.allocation(a.id)));
  return (
    <Card size="small" title={t('finance.allocate')} data-testid="allocation-form">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Select style={{ minWidth: 200 }} value={purpose} onChange={(p) => { setPurpose(p); setAmounts({}); setObligationId(undefined); }} aria-label={t('finance.purpose')}
            options={[...new Set(budget.lines.map((l) => l.purpose))].map((p) => ({ value: p, label: t(`finance.purposeName.${p}`) }))} />
          {fundable.length > 0 && (
            <Select allowClear style={{ minWidth: 280 }} placeholder={t('finance.obligations')} value={obligationId} onChange={setObligationId}
              aria-label={t('finance.obligations')} data-testid="allocation-obligation"
              options={fundable.map((o) => ({ value: o.id, label: `${o.title} (${formatDong(o.total)})` }))} />
          )}
          {!obligationId && (
            <>
              <Select style={{ minWidth: 180 }} value={targetKind} onChange={setTargetKind} aria-label={t('finance.targetKind')}
                options={TARGET_KINDS.map((k) => ({ value: k, label: t(`finance.targetKindName.${k}`) }))} />
              <Input style={{ minWidth: 260 }} placeholder={t('finance.targetLabel')} aria-label={t('finance.targetLabel')} value={label} onChange={(e) => setLabel(e.target.value)} data-testid="allocation-label" />
            </>
          )}
        </Space>
        <Table
          rowKey="id" size="small" pagination={false} scroll={{ x: true }} dataSource={lines}
          columns={[
            { title: t('finance.source'), dataIndex: 'sourceName' },
            { title: t('finance.unallocated'), dataIndex: 'unallocated', align: 'right', render: (v: number) => <Money value={v} /> },
            { title: t('finance.amount'), key: 'amount', render: (_: unknown, l) => (
              <InputNumber<string> stringMode min="0" style={{ width: 160 }} aria-label={`${t('finance.amount')} ${l.sourceName}`} data-testid={`part-${l.sourceKind}`}
                formatter={(v) => (v ? String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.') : '')} parser={(v) => (v ?? '').replace(/\./g, '')}
                value={amounts[l.id]} onChange={(v) => setAmounts({ ...amounts, [l.id]: v ?? '' })} />
            ) },
            { title: t('finance.afterAllocation'), key: 'after', align: 'right', render: (_: unknown, l) => {
              const after = toDong(l.unallocated) - (parseDong(amounts[l.id]) ?? 0n);
              return <Typography.Text type={after < 0n ? 'danger' : undefined} data-testid={`after-${l.sourceKind}`}>{formatDong(after)}</Typography.Text>;
            } },
          ]}
        />
        {over && <Alert type="warning" showIcon message={t('finance.notEnough')} />}
        <Space>
          <Typography.Text>{t('finance.total')}: <Money value={total} strong /></Typography.Text>
          <Button type="primary" disabled={parts.length === 0 || over || (!label.trim() && !obligationId)} loading={create.isPending} onClick={save} data-testid="save-allocation">{t('finance.allocate')}</Button>
        </Space>
      </Space>
    </Card>
  );
}

export { BudgetDetailRoute as Component };
