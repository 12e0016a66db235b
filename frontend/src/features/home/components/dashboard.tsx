import '../strings';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Row, Select, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useCallback, useDeferredValue, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/states';
import { dayjs } from '@/lib/format/date';
import { useUnitScope } from '@/lib/scope/use-unit-scope';
import { TIME_ZONE } from '@/config/locale';
import { useDashboard, useDownloadDashboard, usePrefetchDashboard, type DashboardIndicator } from '../api/dashboard';
import { Coverage } from './dashboard-coverage';
import { DashboardSkeleton } from './dashboard-skeleton';
import { ONE_LINE, TWO_LINES } from './dashboard-sizes';
import { IndicatorCard } from './indicator-card';

// The drill-down (its table, bar chart, records drawer and, through the trend chart, recharts) loads when a figure is
// opened, not with the home page (#17: the signed-in home page's main-thread work).
const DrillDown = lazy(() => import('./drill-down'));

const thisYear = () => new Date().getFullYear();

/**
 * How fresh the figures are: the time (Vietnam) their oldest part was computed, and while the server refreshes a part
 * whose records changed since, that it is updating (the page reads again until it is done).
 */
function Freshness({ computedAtUtc, refreshing }: { computedAtUtc: string; refreshing: boolean }) {
  const { t } = useTranslation();
  const time = dayjs(computedAtUtc).tz(TIME_ZONE).format('HH:mm');
  return (
    <Typography.Text type="secondary" data-testid="dashboard-freshness" aria-live="polite">
      {t('dashboard.freshness', { time })}
      {refreshing ? ` — ${t('dashboard.refreshing')}` : null}
    </Typography.Text>
  );
}

/** Which sections the indicators fall in, in their order. */
function bySection(indicators: DashboardIndicator[]) {
  const sections = new Map<string, DashboardIndicator[]>();
  for (const i of indicators) sections.set(i.section, [...(sections.get(i.section) ?? []), i]);
  return [...sections.entries()];
}

/**
 * A section of indicator cards below the first screen: the browser skips its layout and paint until it nears the
 * viewport (`content-visibility: auto`), holding about one row of cards' height meanwhile. Its text stays in the DOM
 * (find in page, screen readers and tests see it).
 */
const SECTION_STYLE = { contentVisibility: 'auto', containIntrinsicSize: 'auto 220px' } as const;

/** What the drill-down shows while its code loads: a card of its final width and about its height. */
function DrillDownFallback() {
  return (
    <Card data-testid="drill-down-loading">
      <Skeleton active paragraph={{ rows: 6 }} />
    </Card>
  );
}

/** The unit (the header's scope box) and year (`?year=`, this year by default) the dashboard shows. */
function useDashboardParams() {
  const { unitId } = useUnitScope();
  const [search] = useSearchParams();
  const yearParam = search.get('year');
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : thisYear();
  return { unitId, year };
}

/** Asks the dashboard's figures for the unit and year in the address, before the dashboard itself is built (#17). */
export function PrefetchDashboard() {
  usePrefetchDashboard(useDashboardParams());
  return null;
}

/**
 * The plan dashboard of the unit in scope (the header's scope box) for a year: the shares the plan watches, every
 * indicator the modules compute with the plan's target, and a drill-down by sub-unit with the trend over the years.
 */
export function Dashboard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { unitId, year } = useDashboardParams();
  const [search, setSearch] = useSearchParams();
  const selectedKey = search.get('indicator') ?? undefined;
  const query = useDashboard({ unitId, year });
  const download = useDownloadDashboard();
  // The figures arrive as a store update, which React renders at once in one long task; deferred, the cards are built
  // in slices that leave the main thread free between them (#17), the skeleton holding their place meanwhile.
  const data = useDeferredValue(query.data);

  const set = useCallback(
    (key: string, value: string | undefined) =>
      setSearch((prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      }),
    [setSearch],
  );
  const select = useCallback((key: string) => set('indicator', key), [set]);
  const first = Math.min(data?.plan?.periodFrom ?? thisYear() - 2, year);
  const years = Array.from({ length: thisYear() - first + 1 }, (_, i) => thisYear() - i);
  const selected = data?.indicators.find((i) => i.key === selectedKey);
  const sections = useMemo(() => bySection(data?.indicators ?? []), [data?.indicators]);

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
            <div style={ONE_LINE}>
              {data ? <Freshness computedAtUtc={data.computedAtUtc} refreshing={data.refreshing} /> : '\u00a0'}
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
      {query.isPending || (!query.isError && !data) ? (
        <DashboardSkeleton />
      ) : query.isError || !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Coverage data={data} />
          {selected ? (
            <Suspense fallback={<DrillDownFallback />}>
              <DrillDown indicator={selected} data={data} onClose={() => set('indicator', undefined)} />
            </Suspense>
          ) : null}
          {data.indicators.length === 0 ? <Typography.Text type="secondary">{t('dashboard.empty')}</Typography.Text> : null}
          {sections.map(([section, indicators]) => (
            <section key={section} aria-label={section} style={SECTION_STYLE}>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {section}
              </Typography.Title>
              <Row gutter={[12, 12]}>
                {indicators.map((i) => (
                  <Col xs={24} sm={12} xl={6} key={i.key}>
                    <IndicatorCard indicator={i} selected={i.key === selectedKey} onSelect={select} />
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
