import { Drawer, Flex, Grid, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/states';
import { formatIsoDate } from '@/lib/format/date';
import { formatNumber } from '@/lib/format/number';
import { RECORDS_PAGE_SIZE, useDashboardRecords, type DashboardRecord } from '../api/dashboard';

/** Where a record's page is, by the kind the API names (null: no page to open). */
export function recordLink(record: Pick<DashboardRecord, 'kind' | 'id'>): string | null {
  switch (record.kind) {
    case 'initiative':
      return `/participation/initiatives/${record.id}`;
    case 'research-topic':
      return `/participation/topics/${record.id}`;
    case 'commendation':
      return `/participation/commendations/${record.id}`;
    case 'course':
      return `/training/courses/${record.id}`;
    case 'campaign':
      return `/training/campaigns/${record.id}`;
    default:
      return null;
  }
}

export interface RecordsTarget {
  unitId: string;
  /** The unit's name as the drill-down shows it. */
  label: string;
  own: boolean;
}

/**
 * The records behind a figure for one row of the drill-down (a sub-unit with its subtree, the unit's own records, or
 * the whole figure), newest first and paged, each linking to its page. Full width on a phone.
 */
export function DashboardRecordsDrawer({
  indicatorKey,
  indicatorName,
  year,
  target,
  onClose,
}: {
  indicatorKey: string;
  indicatorName: string;
  year: number;
  target: RecordsTarget | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState(target);
  if (shown !== target) {
    setShown(target);
    setPage(1);
  }
  const phone = !(Grid.useBreakpoint().md ?? true);
  const records = useDashboardRecords(target ? indicatorKey : undefined, { unitId: target?.unitId, year, own: target?.own, page });
  const n = (v: number | null | undefined) => formatNumber(v, i18n.language);
  const data = records.data;

  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      title={<span style={{ whiteSpace: 'normal' }}>{t('dashboard.records.title', { name: indicatorName, unit: target?.label ?? '', year })}</span>}
      width={phone ? '100%' : 640}
      data-testid="records-drawer"
    >
      {records.isError ? (
        <ErrorState error={records.error} onRetry={() => void records.refetch()} />
      ) : (
        <Flex vertical gap={8}>
          {data ? (
            <Typography.Text type="secondary" data-testid="records-summary">
              {t('dashboard.records.summary', { count: data.total, value: n(data.value), measure: data.measure ?? '' })}
            </Typography.Text>
          ) : null}
          <Table<DashboardRecord>
            size="small"
            data-testid="records-table"
            rowKey={(r) => `${r.kind}-${r.id}-${r.unitId}`}
            loading={records.isFetching}
            dataSource={data?.items ?? []}
            locale={{ emptyText: t('dashboard.records.empty') }}
            pagination={{
              current: page,
              pageSize: RECORDS_PAGE_SIZE,
              total: data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
              size: 'small',
            }}
            columns={[
              {
                title: t('dashboard.records.record'),
                key: 'title',
                render: (_: unknown, r) => {
                  const to = recordLink(r);
                  return (
                    <Flex vertical style={{ minWidth: 0 }}>
                      {to ? (
                        <Link to={to} style={{ overflowWrap: 'anywhere' }}>
                          {r.title}
                        </Link>
                      ) : (
                        <span style={{ overflowWrap: 'anywhere' }}>{r.title}</span>
                      )}
                      <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                        {[formatIsoDate(r.date), r.unitName, r.detail].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    </Flex>
                  );
                },
              },
              {
                title: t('dashboard.value'),
                key: 'value',
                align: 'end',
                width: 110,
                render: (_: unknown, r) => (
                  <Flex vertical align="end">
                    <span>{n(r.value)}</span>
                    {r.amount != null && r.amount !== r.value ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {n(r.amount)} ₫
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
