import '../strings';
import { Button, Card, Form, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page/form-page';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { PURPOSES, useBudgets, useCreateBudget, useSources, type BudgetLineInput, type BudgetListItem } from '../api/budgets';
import { Money } from '../components/money';
import { useMoneyAction } from '../components/use-money-action';
import { parseDong, toJsonAmount } from '../lib/money';
import { financePaths } from '../paths';

/** The budgets of the units in scope; a finance officer drafts one as a grid of purpose × source. */
export function BudgetListRoute() {
  const { t } = useTranslation();
  const canManage = useHasPermission(PERMISSIONS.financeManage);
  const [year, setYear] = useState<number | undefined>();
  const budgets = useBudgets(year ? { year } : {});
  const [drafting, setDrafting] = useState(false);
  const years = [2026, 2025, 2024];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <PageHeading title={t('finance.budgets')} />
      <Space wrap>
        <Select allowClear placeholder={t('finance.year')} aria-label={t('finance.year')} style={{ width: 120 }} value={year} onChange={setYear}
          options={years.map((y) => ({ value: y, label: String(y) }))} data-testid="budget-year-filter" />
        {canManage && <Button type="primary" onClick={() => setDrafting(true)} data-testid="new-budget">{t('finance.newBudget')}</Button>}
      </Space>
      {drafting && <BudgetDraft onDone={() => setDrafting(false)} />}
      <Table<BudgetListItem>
        rowKey="id" size="small" loading={budgets.isLoading} dataSource={budgets.data ?? []} pagination={false} scroll={{ x: true }}
        columns={[
          { title: t('finance.unit'), dataIndex: 'unitName', render: (name: string, b) => <Link to={financePaths.budget(b.id)}>{name}</Link> },
          { title: t('finance.year'), dataIndex: 'year' },
          { title: t('finance.status'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'Approved' ? 'green' : s === 'Submitted' ? 'blue' : undefined}>{t(`finance.budgetStatus.${s}`)}</Tag> },
          { title: t('finance.total'), dataIndex: 'total', align: 'right', render: (v: number) => <Money value={v} /> },
          { title: t('finance.lines'), dataIndex: 'lines', align: 'right' },
        ]}
      />
    </Space>
  );
}

/** The draft form: pick a unit (among those with funding sources) and a year, then amounts per purpose × source. */
function BudgetDraft({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sources = useSources();
  const create = useCreateBudget();
  const run = useMoneyAction();
  const [unitId, setUnitId] = useState<string>();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [cells, setCells] = useState<Record<string, string>>({});
  const units = useMemo(() => [...new Map((sources.data ?? []).map((s) => [s.unitId, s.unitName])).entries()], [sources.data]);
  const unitSources = (sources.data ?? []).filter((s) => s.unitId === unitId);
  const lines: BudgetLineInput[] = [];
  for (const purpose of PURPOSES)
    for (const s of unitSources) {
      const amount = parseDong(cells[`${purpose}|${s.id}`]);
      if (amount) lines.push({ purpose, sourceId: s.id, amount: toJsonAmount(amount) });
    }
  const save = () =>
    unitId &&
    void run((key) => create.mutateAsync({ body: { unitId, year, lines }, key })).then((b) => {
      if (b) {
        onDone();
        navigate(financePaths.budget(b.id));
      }
    });
  return (
    <Card title={t('finance.newBudget')} size="small">
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('finance.unit')}>
          <Select style={{ minWidth: 240 }} value={unitId} onChange={setUnitId} options={units.map(([id, name]) => ({ value: id, label: name }))} data-testid="budget-unit" />
        </Form.Item>
        <Form.Item label={t('finance.year')}>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => setYear(Number(v ?? year))} />
        </Form.Item>
      </Form>
      {unitId && (
        <Table
          rowKey="purpose" size="small" pagination={false} scroll={{ x: true }} dataSource={PURPOSES.map((purpose) => ({ purpose }))}
          columns={[
            { title: t('finance.purpose'), dataIndex: 'purpose', render: (p: string) => t(`finance.purposeName.${p}`) },
            ...unitSources.map((s) => ({
              title: `${s.name} (${t(`finance.sourceKind.${s.kind}`)})`,
              key: s.id,
              render: (_: unknown, row: { purpose: string }) => (
                <InputNumber<string> stringMode min="0" step="1000000" style={{ width: 150 }} aria-label={`${row.purpose} ${s.name}`}
                  formatter={(v) => (v ? String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.') : '')} parser={(v) => (v ?? '').replace(/\./g, '')}
                  value={cells[`${row.purpose}|${s.id}`]} onChange={(v) => setCells({ ...cells, [`${row.purpose}|${s.id}`]: v ?? '' })} />
              ),
            })),
          ]}
        />
      )}
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" disabled={!unitId || lines.length === 0} loading={create.isPending} onClick={save} data-testid="save-budget">{t('finance.save')}</Button>
        <Button onClick={onDone}>✕</Button>
      </Space>
    </Card>
  );
}

export { BudgetListRoute as Component };
