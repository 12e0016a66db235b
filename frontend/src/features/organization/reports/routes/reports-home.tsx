import '../strings';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { BarChartOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission, useMe } from '@/lib/auth/auth';
import { formatIsoDate } from '@/lib/format/date';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { usePeriods, type PeriodListItem } from '../api/periods';
import { PeriodDeadlineHint } from '../components/report-state';
import { reportPaths } from '../paths';

/**
 * The reporting periods, newest first, each with its deadline, the caller's own unit's report and the synthesis;
 * those who manage reports open a new period here.
 */
export function ReportsHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const me = useMe().data;
  const canManage = useHasPermission(PERMISSIONS.reportsManage);
  const periods = usePeriods({ page: 1, pageSize: 50 });

  useEffect(() => {
    document.title = `${t('reports.periods.title')} · ${t('app.name')}`;
  }, [t]);

  // A unit reports in the periods of the units above it; the unit that asks for the reports does not report to itself.
  const ownUnits = (period: PeriodListItem) => {
    const seen = new Set<string>();
    return (me?.grants ?? []).filter((g) => g.unitId !== period.unitId && !seen.has(g.unitId) && seen.add(g.unitId));
  };

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('reports.periods.title')}
        </Typography.Title>
      }
      extra={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(scoped(reportPaths.newPeriod))} data-testid="new-period">
            {t('reports.periods.new')}
          </Button>
        ) : null
      }
    >
      {periods.isError ? (
        <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />
      ) : (
        <Table<PeriodListItem>
          rowKey="id"
          data-testid="periods"
          loading={periods.isFetching}
          dataSource={periods.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: periods.isPending ? ' ' : <EmptyState description={t('reports.periods.empty')} /> }}
          columns={[
            { title: t('reports.fields.year'), dataIndex: 'year', width: 80 },
            {
              title: t('reports.fields.period'),
              key: 'title',
              render: (_: unknown, p) => <Link to={scoped(reportPaths.synthesis(p.id))}>{p.title}</Link>,
            },
            {
              title: t('reports.fields.deadline'),
              key: 'deadline',
              render: (_: unknown, p) => (
                <Flex gap={8} wrap align="center">
                  <span style={{ whiteSpace: 'nowrap' }}>{formatIsoDate(p.deadline)}</span>
                  <PeriodDeadlineHint deadline={p.deadline} />
                </Flex>
              ),
            },
            {
              title: <span className="visually-hidden">{t('common.actions')}</span>,
              key: 'actions',
              align: 'end',
              render: (_: unknown, p) => {
                const units = ownUnits(p);
                return (
                  <Flex gap={8} justify="end" style={{ flexWrap: 'wrap', minWidth: units.length ? 330 : undefined }}>
                    {units.map((g) => (
                      <Button
                        key={g.unitId}
                        icon={<FormOutlined />}
                        onClick={() => navigate(scoped(reportPaths.unitReport(p.id, g.unitId)))}
                        data-testid="own-report"
                      >
                        {units.length > 1 ? t('reports.periods.ownReportOf', { unit: g.unitName }) : t('reports.periods.ownReport')}
                      </Button>
                    ))}
                    <Button icon={<BarChartOutlined />} onClick={() => navigate(scoped(reportPaths.synthesis(p.id)))} data-testid="open-synthesis">
                      {t('reports.periods.synthesis')}
                    </Button>
                  </Flex>
                );
              },
            },
          ]}
        />
      )}
    </Card>
  );
}

export { ReportsHome as Component };
