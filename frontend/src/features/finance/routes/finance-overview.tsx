import '../strings';
import { App, Button, Card, Checkbox, Col, Descriptions, Row, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart, type Bar } from '@/components/bar-chart';
import { UnitTreeSelect } from '@/components/form/unit-tree-select';
import { PageHeading } from '@/components/page/form-page';
import { PURPOSES, type BudgetPurpose, type FundingSourceKind } from '../api/budgets';
import { useBudgetExecution, useDownloadBudgetExecution, type BudgetExecutionRow, type BudgetExecutionTotal, type ExecutionQuery } from '../api/execution';
import { Money } from '../components/money';
import { formatDong, toDong } from '../lib/money';

const SOURCE_KINDS: FundingSourceKind[] = ['UnionFunds', 'StateBudget', 'Sponsor', 'Other'];

/** A share in whole per cent, in BigInt (no floating point on money). */
const percent = (part: BudgetExecutionTotal['paid'], whole: BudgetExecutionTotal['approved']) => {
  const w = toDong(whole);
  return w > 0n ? `${(toDong(part) * 100n) / w}%` : '—';
};

/**
 * The Finance overview: budget execution per unit (or subtree), year, purpose and source — charts of the sources and
 * of execution by purpose, the rows, and the .xlsx of the same figures.
 */
export function FinanceOverviewRoute() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<ExecutionQuery>({ subtree: true });
  const report = useBudgetExecution(query);
  const download = useDownloadBudgetExecution();
  const { message } = App.useApp();
  const set = (change: Partial<ExecutionQuery>) => setQuery((q) => ({ ...q, ...change }));
  const r = report.data;
  // Bar lengths are drawing only; every figure shown is the exact text.
  const sourceBars: Bar[] = (r?.bySourceKind ?? []).map((s) => ({
    key: s.key, label: t(`finance.sourceKind.${s.key}`), value: Number(toDong(s.approved)), text: formatDong(s.approved),
  }));
  const executionBars: Bar[] = (r?.byPurpose ?? []).map((p) => ({
    key: p.key, label: t(`finance.purposeName.${p.key}`), value: Number(toDong(p.paid)),
    text: `${formatDong(p.paid)} / ${formatDong(p.approved)} (${percent(p.paid, p.approved)})`,
  }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <PageHeading title={t('finance.overview')} />
      <Space wrap>
        <UnitTreeSelect style={{ minWidth: 260 }} value={query.unitId} onChange={(unitId) => set({ unitId })} />
        <Checkbox checked={!!query.subtree} onChange={(e) => set({ subtree: e.target.checked })}>{t('finance.subtree')}</Checkbox>
        <Select allowClear placeholder={t('finance.year')} style={{ width: 110 }} value={query.year} onChange={(year) => set({ year })}
          options={[2026, 2025, 2024].map((y) => ({ value: y, label: String(y) }))} aria-label={t('finance.year')} data-testid="execution-year" />
        <Select<BudgetPurpose> allowClear placeholder={t('finance.purpose')} style={{ width: 190 }} value={query.purpose} onChange={(purpose) => set({ purpose })}
          options={PURPOSES.map((p) => ({ value: p, label: t(`finance.purposeName.${p}`) }))} aria-label={t('finance.purpose')} />
        <Select<FundingSourceKind> allowClear placeholder={t('finance.source')} style={{ width: 190 }} value={query.sourceKind}
          onChange={(sourceKind) => set({ sourceKind })} aria-label={t('finance.source')}
          options={SOURCE_KINDS.map((k) => ({ value: k, label: t(`finance.sourceKind.${k}`) }))} />
        <Button onClick={() => download.mutate(query, { onError: () => void message.error(t('states.errorServer')) })} loading={download.isPending} data-testid="download-execution">{t('finance.downloadXlsx')}</Button>
      </Space>
      {r && (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 5 }} data-testid="execution-total">
            <Descriptions.Item label={t('finance.approved')}><Money value={r.total.approved} strong /></Descriptions.Item>
            <Descriptions.Item label={t('finance.allocated')}><Money value={r.total.allocated} /></Descriptions.Item>
            <Descriptions.Item label={t('finance.paid')}><Money value={r.total.paid} /></Descriptions.Item>
            <Descriptions.Item label={t('finance.spent')}><Money value={r.total.spent} /></Descriptions.Item>
            <Descriptions.Item label={t('finance.unallocated')}><Money value={r.total.unallocated} /></Descriptions.Item>
          </Descriptions>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small"><BarChart title={t('finance.sourcesChart')} bars={sourceBars} testId="finance-sources-chart" /></Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small"><BarChart title={t('finance.executionChart')} bars={executionBars} testId="finance-execution-chart" /></Card>
            </Col>
          </Row>
          <Table<BudgetExecutionRow>
            rowKey={(row) => `${row.unitId}|${row.year}|${row.purpose}|${row.sourceId}`} size="small" scroll={{ x: true }} dataSource={r.rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: t('finance.empty') }} data-testid="execution-rows"
            columns={[
              { title: t('finance.unit'), dataIndex: 'unitName' },
              { title: t('finance.year'), dataIndex: 'year' },
              { title: t('finance.purpose'), dataIndex: 'purpose', render: (p: string) => t(`finance.purposeName.${p}`) },
              { title: t('finance.source'), dataIndex: 'sourceName', render: (n: string, row) => `${n} (${t(`finance.sourceKind.${row.sourceKind}`)})` },
              { title: t('finance.approved'), dataIndex: 'approved', align: 'right', render: (v: number) => <Money value={v} /> },
              { title: t('finance.allocated'), dataIndex: 'allocated', align: 'right', render: (v: number) => <Money value={v} /> },
              { title: t('finance.paid'), dataIndex: 'paid', align: 'right', render: (v: number) => <Money value={v} /> },
              { title: t('finance.spent'), dataIndex: 'spent', align: 'right', render: (v: number) => <Money value={v} /> },
              { title: t('finance.unallocated'), dataIndex: 'unallocated', align: 'right', render: (v: number) => <Money value={v} /> },
            ]}
          />
        </>
      )}
    </Space>
  );
}

export { FinanceOverviewRoute as Component };
