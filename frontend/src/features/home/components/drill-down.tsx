import '../strings';
import { Button, Card, Col, Flex, Row, Skeleton, Table, Typography } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { BarChart } from '@/components/bar-chart';
import { ErrorState, LoadingState } from '@/components/states';
import { formatNumber } from '@/lib/format/number';
import { useUnitScope } from '@/lib/scope/use-unit-scope';
import { useDashboardBreakdown, type BreakdownRow, type Dashboard as DashboardData, type DashboardIndicator } from '../api/dashboard';
import { DashboardRecordsDrawer, type RecordsTarget } from './dashboard-records';

// recharts loads with the first chart on screen, never with the login route.
const TrendChart = lazy(() => import('./trend-chart'));

/** The selected indicator: its trend over the plan's years and its breakdown by the units directly below (click to go down). */
export function DrillDown({ indicator, data, onClose }: { indicator: DashboardIndicator; data: DashboardData; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { unitId, setUnitId } = useUnitScope();
  const [, setSearch] = useSearchParams();
  const breakdown = useDashboardBreakdown(indicator.key, { unitId: unitId ?? data.unit.id, year: data.year });
  const n = (v: number | null | undefined) => formatNumber(v, i18n.language);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [indicator.key]);
  const label = (row: BreakdownRow) => (row.own ? t('dashboard.own', { unit: row.name }) : row.name);
  const rows = breakdown.data?.rows ?? [];
  const [recordsOf, setRecordsOf] = useState<RecordsTarget | null>(null);
  // Only indicators whose module lists the records behind them (not a headcount or a share) offer the link.
  const hasRecords = !!breakdown.data?.hasRecords;
  const viewRecords = (target: RecordsTarget, name: string) => (
    <Button
      type="link"
      size="small"
      style={{ padding: 0 }}
      aria-label={`${t('dashboard.records.view')}: ${name}`}
      onClick={() => setRecordsOf(target)}
    >
      {t('dashboard.records.view')}
    </Button>
  );
  const open = (id: string) => {
    const row = rows.find((r) => r.unitId === id);
    if (row && !row.own) setUnitId(id);
  };
  const pickYear = (year: number) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      next.set('year', String(year));
      return next;
    });

  return (
    <Card
      ref={ref}
      data-testid="drill-down"
      title={<span style={{ whiteSpace: 'normal' }}>{indicator.name}</span>}
      extra={
        <Button size="small" onClick={onClose}>
          {t('dashboard.close')}
        </Button>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Typography.Text strong>{t('dashboard.trend', { name: indicator.name })}</Typography.Text>
          <div style={{ height: 200 }} data-testid="trend-chart">
            <Suspense fallback={<Skeleton active />}>
              <TrendChart points={indicator.trend.map((f) => ({ year: f.year, value: f.value, text: n(f.value) }))} onSelectYear={pickYear} />
            </Suspense>
          </div>
        </Col>
        <Col xs={24} lg={14}>
          {breakdown.isPending ? (
            <LoadingState />
          ) : breakdown.isError ? (
            <ErrorState error={breakdown.error} onRetry={() => void breakdown.refetch()} />
          ) : (
            <Flex vertical gap={12}>
              <BarChart
                testId="breakdown-chart"
                title={t('dashboard.breakdown', { name: indicator.name, year: data.year })}
                bars={rows.map((r) => ({ key: r.unitId, label: label(r), value: r.value, text: n(r.value) }))}
                onSelect={open}
              />
              <Table<BreakdownRow>
                size="small"
                data-testid="breakdown-table"
                rowKey="unitId"
                pagination={false}
                dataSource={rows}
                columns={[
                  {
                    title: t('dashboard.unit'),
                    key: 'unit',
                    render: (_: unknown, row) =>
                      row.own ? (
                        label(row)
                      ) : (
                        <Button type="link" size="small" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'start' }} onClick={() => open(row.unitId)}>
                          {row.name}
                        </Button>
                      ),
                  },
                  { title: t('dashboard.value'), dataIndex: 'value', key: 'value', align: 'end', render: (v: number) => n(v) },
                  ...(hasRecords
                    ? [
                        {
                          title: t('dashboard.records.column'),
                          key: 'records',
                          align: 'end' as const,
                          render: (_: unknown, row: BreakdownRow) =>
                            row.value === 0 ? null : viewRecords({ unitId: row.unitId, label: label(row), own: row.own }, label(row)),
                        },
                      ]
                    : []),
                ]}
                summary={() => (
                  <Table.Summary.Row style={{ fontWeight: 600 }}>
                    <Table.Summary.Cell index={0}>{t('dashboard.total')}</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="end">
                      {n(breakdown.data?.value)}
                    </Table.Summary.Cell>
                    {hasRecords ? (
                      <Table.Summary.Cell index={2} align="end">
                        {breakdown.data && breakdown.data.value !== 0
                          ? viewRecords({ unitId: breakdown.data.unit.id, label: breakdown.data.unit.name, own: false }, t('dashboard.total'))
                          : null}
                      </Table.Summary.Cell>
                    ) : null}
                  </Table.Summary.Row>
                )}
              />
              <DashboardRecordsDrawer
                indicatorKey={indicator.key}
                indicatorName={indicator.name}
                year={data.year}
                target={recordsOf}
                onClose={() => setRecordsOf(null)}
              />
            </Flex>
          )}
        </Col>
      </Row>
    </Card>
  );
}

export default DrillDown;
