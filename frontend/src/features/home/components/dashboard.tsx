import '../strings';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Progress, Row, Select, Skeleton, Table, Typography } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { BarChart } from '@/components/bar-chart';
import { ErrorState, LoadingState } from '@/components/states';
import { formatNumber, formatPercent } from '@/lib/format/number';
import { useUnitScope } from '@/lib/scope/use-unit-scope';
import {
  useDashboard,
  useDashboardBreakdown,
  useDownloadDashboard,
  type BreakdownRow,
  type Dashboard as DashboardData,
  type DashboardIndicator,
} from '../api/dashboard';
import { DashboardRecordsDrawer, type RecordsTarget } from './dashboard-records';

// recharts loads with the first chart on screen, never with the login route.
const TrendChart = lazy(() => import('./trend-chart'));

const thisYear = () => new Date().getFullYear();

/** Which sections the indicators fall in, in their order. */
function bySection(indicators: DashboardIndicator[]) {
  const sections = new Map<string, DashboardIndicator[]>();
  for (const i of indicators) sections.set(i.section, [...(sections.get(i.section) ?? []), i]);
  return [...sections.entries()];
}

function Share({ title, done, total, testId }: { title: string; done: number; total: number; testId: string }) {
  const { t, i18n } = useTranslation();
  const share = total === 0 ? 0 : done / total;
  return (
    <Card size="small" style={{ height: '100%', minHeight: SHARE_HEIGHT }} data-testid={testId}>
      <Flex gap={12} align="center">
        <Progress
          type="circle"
          size={64}
          percent={Math.round(share * 100)}
          format={() => formatPercent(share, i18n.language)}
          aria-label={title}
        />
        <Flex vertical>
          <Typography.Text>{title}</Typography.Text>
          <Typography.Text type="secondary">{t('dashboard.coverage.of', { done, total })}</Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}

function Coverage({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const c = data.coverage;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={8}>
        <Share testId="coverage-focal" title={t('dashboard.coverage.focal')} done={c.focalOfficials.covered} total={c.focalOfficials.total} />
      </Col>
      {c.implementationPlans ? (
        <Col xs={24} md={8}>
          <Share testId="coverage-plans" title={t('dashboard.coverage.plans')} done={c.implementationPlans.issuedOnTime} total={c.implementationPlans.expected} />
        </Col>
      ) : null}
      <Col xs={24} md={8}>
        {c.reports ? (
          <Share testId="coverage-reports" title={t('dashboard.coverage.reports')} done={c.reports.onTime} total={c.reports.expected} />
        ) : (
          <Card size="small" style={{ height: '100%' }}>
            <Typography.Text>{t('dashboard.coverage.reports')}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{t('dashboard.coverage.noPeriod')}</Typography.Text>
          </Card>
        )}
      </Col>
    </Row>
  );
}

function IndicatorCard({ indicator, selected, onSelect }: { indicator: DashboardIndicator; selected: boolean; onSelect: () => void }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | null | undefined) => formatNumber(v, i18n.language);
  const target = indicator.target;
  return (
    <Card
      size="small"
      hoverable
      onClick={onSelect}
      style={{ height: '100%', borderColor: selected ? 'var(--ant-color-primary, #1677ff)' : undefined }}
      data-testid={`indicator-${indicator.key}`}
    >
      <Flex vertical gap={4}>
        <Typography.Text>{indicator.name}</Typography.Text>
        <Typography.Text strong style={{ fontSize: 24, fontVariantNumeric: 'tabular-nums' }} data-testid="indicator-value">
          {n(indicator.value)} <Typography.Text type="secondary">{indicator.measure}</Typography.Text>
        </Typography.Text>
        {target ? (
          <>
            <Progress percent={Math.min(100, Math.round((target.progress ?? 0) * 100))} size="small" aria-label={`${indicator.name}: ${target.name}`} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dashboard.target', { target: n(target.target), measure: target.unitOfMeasure, achieved: n(target.achieved) })}
            </Typography.Text>
          </>
        ) : null}
        <Button
          type="link"
          size="small"
          style={{ padding: 0, alignSelf: 'flex-start' }}
          onClick={(e) => {
            e.stopPropagation();
            onSelect();
          }}
          aria-label={`${t('dashboard.byUnit')}: ${indicator.name}`}
        >
          {t('dashboard.byUnit')}
        </Button>
      </Flex>
    </Card>
  );
}

/** The selected indicator: its trend over the plan's years and its breakdown by the units directly below (click to go down). */
function DrillDown({ indicator, data, onClose }: { indicator: DashboardIndicator; data: DashboardData; onClose: () => void }) {
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

const ONE_LINE = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;
/** Two lines of body text (14 px × 1.5715). */
const TWO_LINES = 44;
/** A coverage card: the 64 px circle in a small card (12 px padding and 1 px border on each side). */
const SHARE_HEIGHT = 90;

/**
 * What the dashboard shows while its figures load: the coverage cards and a row of indicator cards in their final
 * size, so the page does not jump when they arrive (#17: the signed-in home page's CLS was 0.24).
 */
function DashboardSkeleton() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} role="status" aria-live="polite" aria-label={t('common.loading')} data-testid="dashboard-loading">
      <Row gutter={[12, 12]}>
        {[0, 1, 2].map((n) => (
          <Col xs={24} md={8} key={n}>
            <Card size="small" style={{ height: SHARE_HEIGHT }}>
              <Flex gap={12} align="center">
                <Skeleton.Avatar active size={64} />
                <Skeleton active title={false} paragraph={{ rows: 2 }} />
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        {[0, 1, 2, 3].map((n) => (
          <Col xs={24} sm={12} xl={6} key={n}>
            <Card size="small">
              <Skeleton active paragraph={{ rows: 3 }} />
            </Card>
          </Col>
        ))}
      </Row>
    </Flex>
  );
}

/**
 * The plan dashboard of the unit in scope (the header's scope box) for a year: the shares the plan watches, every
 * indicator the modules compute with the plan's target, and a drill-down by sub-unit with the trend over the years.
 */
export function Dashboard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { unitId } = useUnitScope();
  const [search, setSearch] = useSearchParams();
  const yearParam = search.get('year');
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : thisYear();
  const selectedKey = search.get('indicator') ?? undefined;
  const query = useDashboard({ unitId, year });
  const download = useDownloadDashboard();
  const data = query.data;

  const set = (key: string, value: string | undefined) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const first = Math.min(data?.plan?.periodFrom ?? thisYear() - 2, year);
  const years = Array.from({ length: thisYear() - first + 1 }, (_, i) => thisYear() - i);
  const selected = data?.indicators.find((i) => i.key === selectedKey);

  return (
    <Flex vertical gap={16} data-testid="dashboard">
      <Card>
        <Flex justify="space-between" align="start" gap={12} wrap>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={2} style={{ fontSize: 22, marginTop: 0, marginBottom: 4 }}>
              {t('dashboard.heading')}
            </Typography.Title>
            {/* Each line keeps its height while the figures load (#17: no layout shift when they arrive): the unit on
                one line, the plan in two, the hint after them. */}
            <div style={ONE_LINE} title={data ? t('dashboard.of', { unit: data.unit.name, year: data.year }) : undefined}>
              {data ? (
                <Typography.Text data-testid="dashboard-unit">{t('dashboard.of', { unit: data.unit.name, year: data.year })}</Typography.Text>
              ) : (
                '\u00a0'
              )}
            </div>
            <div style={{ minHeight: TWO_LINES }}>
              <Typography.Text type="secondary">
                {data?.plan
                  ? t('dashboard.plan', { number: data.plan.number, from: data.plan.periodFrom, to: data.plan.periodTo })
                  : data
                    ? t('dashboard.noPlan')
                    : null}{' '}
                {t('dashboard.unitHint')}
              </Typography.Text>
            </div>
          </div>
          <Flex gap={8} wrap>
            <Select
              aria-label={t('dashboard.year')}
              data-testid="dashboard-year"
              value={year}
              style={{ width: 120 }}
              options={years.map((y) => ({ value: y, label: `${t('dashboard.year')} ${y}` }))}
              onChange={(y: number) => set('year', String(y))}
            />
            <Button
              icon={<DownloadOutlined />}
              loading={download.isPending}
              data-testid="dashboard-export"
              onClick={() =>
                download.mutate(
                  { unitId, year },
                  { onSuccess: (name) => void message.success(t('dashboard.exported', { name })) },
                )
              }
            >
              {t('dashboard.export')}
            </Button>
          </Flex>
        </Flex>
      </Card>
      {query.isPending ? (
        <DashboardSkeleton />
      ) : query.isError || !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Coverage data={data} />
          {selected ? <DrillDown indicator={selected} data={data} onClose={() => set('indicator', undefined)} /> : null}
          {data.indicators.length === 0 ? <Typography.Text type="secondary">{t('dashboard.empty')}</Typography.Text> : null}
          {bySection(data.indicators).map(([section, indicators]) => (
            <section key={section} aria-label={section}>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {section}
              </Typography.Title>
              <Row gutter={[12, 12]}>
                {indicators.map((i) => (
                  <Col xs={24} sm={12} xl={6} key={i.key}>
                    <IndicatorCard indicator={i} selected={i.key === selectedKey} onSelect={() => set('indicator', i.key)} />
                  </Col>
                ))}
              </Row>
            </section>
          ))}
        </>
      )}
    </Flex>
  );
}
